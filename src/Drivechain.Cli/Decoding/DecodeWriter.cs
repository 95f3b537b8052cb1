using System.Text.Json;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Description;
using Drivechain.Consensus.Messages;

namespace Drivechain.Cli.Decoding;

/// <summary>
/// Writes scripts, transactions and blocks as JSON in the style of Core's decodescript / decoderawtransaction /
/// getblock, adding a <c>drivechain</c> member wherever a drivechain message or output is recognised.
/// </summary>
internal static class DecodeWriter
{
    public static void WriteBlock(Utf8JsonWriter json, Block block)
    {
        var header = block.Header;
        json.WriteStartObject();
        json.WriteString("type", "block");
        json.WriteString("hash", block.Hash.ToString());
        json.WriteNumber("version", header.Version);
        json.WriteString("versionHex", header.Version.ToString("x8"));
        json.WriteString("previousblockhash", header.PreviousBlockHash.ToString());
        json.WriteString("merkleroot", header.MerkleRoot.ToString());
        json.WriteNumber("time", header.Time);
        json.WriteString("bits", header.Bits.ToString("x8"));
        json.WriteNumber("nonce", header.Nonce);
        json.WriteNumber("size", block.TotalSize);
        json.WriteNumber("strippedsize", block.BaseSize);
        json.WriteNumber("weight", block.Weight);
        json.WriteNumber("nTx", block.Transactions.Length);
        json.WriteStartArray("tx");
        for (int i = 0; i < block.Transactions.Length; i++) WriteTransactionBody(json, block.Transactions[i], inBlock: true);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteTransaction(Utf8JsonWriter json, Transaction tx) => WriteTransactionBody(json, tx, inBlock: false);

    private static void WriteTransactionBody(Utf8JsonWriter json, Transaction tx, bool inBlock)
    {
        json.WriteStartObject();
        if (!inBlock) json.WriteString("type", "transaction");
        json.WriteString("txid", tx.TxId.ToString());
        json.WriteString("hash", tx.WTxId.ToString());
        json.WriteNumber("version", tx.Version);
        json.WriteNumber("size", tx.TotalSize);
        json.WriteNumber("vsize", tx.VirtualSize);
        json.WriteNumber("weight", tx.Weight);
        json.WriteNumber("locktime", tx.LockTime);
        json.WriteStartArray("vin");
        foreach (var input in tx.Inputs)
        {
            json.WriteStartObject();
            if (tx.IsCoinbase)
            {
                json.WriteString("coinbase", input.ScriptSig.ToHex());
            }
            else
            {
                json.WriteString("txid", input.PrevOut.TxId.ToString());
                json.WriteNumber("vout", input.PrevOut.Index);
                json.WriteStartObject("scriptSig");
                json.WriteString("asm", ScriptAssembly.ToAsm(input.ScriptSig, attemptSighashDecode: true));
                json.WriteString("hex", input.ScriptSig.ToHex());
                json.WriteEndObject();
            }
            if (!input.Witness.IsEmpty)
            {
                json.WriteStartArray("txinwitness");
                foreach (var item in input.Witness.Items) json.WriteStringValue(Convert.ToHexStringLower(item.Span));
                json.WriteEndArray();
            }
            json.WriteNumber("sequence", input.Sequence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("vout");
        for (int n = 0; n < tx.Outputs.Length; n++)
        {
            var output = tx.Outputs[n];
            json.WriteStartObject();
            json.WriteNumber("value", new decimal((int)(output.Value.Satoshis & 0xffffffff), (int)(output.Value.Satoshis >> 32), 0, false, 8));
            json.WriteNumber("n", n);
            json.WriteStartObject("scriptPubKey");
            json.WriteString("asm", ScriptAssembly.ToAsm(output.ScriptPubKey));
            json.WriteString("hex", output.ScriptPubKey.ToHex());
            json.WriteEndObject();
            var message = RecogniseOutput(tx, n);
            if (message is not null) WriteMessage(json, "drivechain", message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        var m6 = RecogniseWithdrawal(tx);
        if (m6 is not null) WriteMessage(json, "drivechain", m6);
        json.WriteEndObject();
    }

    /// <summary>What output <paramref name="n"/> of <paramref name="tx"/> is in drivechain terms, or null:
    /// a coinbase's messages, an M8 at output 0, a treasury output, or the deposit address right after one.</summary>
    public static ScriptDescription? RecogniseOutput(Transaction tx, int n)
    {
        var output = tx.Outputs[n];
        var described = ScriptDescription.Describe(output.ScriptPubKey.Span);
        return described?.Type switch
        {
            _ when tx.IsCoinbase => described is { IsCoinbaseMessage: true } ? described : null,
            "M8" when n == 0 => described,
            "treasury" => described!.Named("treasury output (OP_DRIVECHAIN); a CTIP when the slot is active").With("value", output.Value.Satoshis),
            "deposit_address" when n > 0 && TreasuryScript.TryParse(tx.Outputs[n - 1].ScriptPubKey.Span, out var slot) =>
                described!.Named("M5 deposit address for the treasury output before it").With("slot", slot),
            _ => null,
        };
    }

    /// <summary>An M6-shaped transaction (one input, treasury at output 0, payouts after it), or null.</summary>
    public static ScriptDescription? RecogniseWithdrawal(Transaction tx)
    {
        if (tx.IsCoinbase || tx.Inputs.Length != 1 || tx.Outputs.Length < 2
            || !TreasuryScript.TryParse(tx.Outputs[0].ScriptPubKey.Span, out var slot)
            || DepositAddress.TryParse(tx.Outputs[1].ScriptPubKey.Span, out _))
        {
            return null;
        }
        long payouts = 0;
        for (int i = 1; i < tx.Outputs.Length; i++) payouts += tx.Outputs[i].Value.Satoshis;
        return ScriptDescription.Create("M6", "withdrawal-shaped (one input, treasury first); the M6ID needs the spent CTIP's value: drivechain m6id <hex> <ctip-sats>",
            ScriptDescription.Field("slot", slot), ScriptDescription.Field("new_treasury_value", tx.Outputs[0].Value.Satoshis),
            ScriptDescription.Field("payout_total", payouts));
    }

    public static void WriteScript(Utf8JsonWriter json, ReadOnlySpan<byte> script)
    {
        json.WriteStartObject();
        json.WriteString("type", "script");
        json.WriteString("asm", ScriptAssembly.ToAsm(new Script(script.ToArray())));
        json.WriteString("hex", Convert.ToHexStringLower(script));
        var message = ScriptDescription.Describe(script);
        if (message is not null) WriteMessage(json, "drivechain", message);
        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string property, ScriptDescription message)
    {
        json.WritePropertyName(property);
        message.WriteTo(json);
    }
}
