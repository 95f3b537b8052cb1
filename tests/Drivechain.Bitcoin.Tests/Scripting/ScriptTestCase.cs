using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Testing.Vectors;

namespace Drivechain.Bitcoin.Tests.Scripting;

/// <summary>One row of Core's script_tests.json, with the crediting/spending transactions of README §6.</summary>
internal sealed record ScriptTestCase(
    int Index, string ScriptSigText, string ScriptPubKeyText, string FlagsText, string Expected, string Comment,
    JsonElement[]? WitnessItems, long AmountSatoshis)
{
    private static readonly Lazy<ScriptTestCase[]> All = new(Load);

    public static IReadOnlyList<ScriptTestCase> Cases => All.Value;

    public static TheoryData<int, string> Rows()
    {
        var data = new TheoryData<int, string>();
        foreach (var c in Cases) data.Add(c.Index, c.Describe());
        return data;
    }

    public string Describe()
    {
        var text = Comment.Length > 0 ? Comment : $"{ScriptSigText} | {ScriptPubKeyText}";
        return text.Length > 80 ? text[..80] : text;
    }

    private static ScriptTestCase[] Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(VectorPaths.File("bitcoin-core", "script_tests.json")));
        var cases = new List<ScriptTestCase>();
        int index = 0;
        foreach (var row in doc.RootElement.EnumerateArray())
        {
            var fields = row.EnumerateArray().Select(e => e.Clone()).ToArray();
            if (fields.Length == 1) continue;
            JsonElement[]? witness = null;
            long amount = 0;
            int pos = 0;
            if (fields[0].ValueKind == JsonValueKind.Array)
            {
                var w = fields[0].EnumerateArray().Select(e => e.Clone()).ToArray();
                witness = w[..^1];
                amount = (long)(decimal.Parse(w[^1].GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture) * Money.Coin);
                pos = 1;
            }
            string comment = fields.Length > pos + 4 ? fields[pos + 4].GetString() ?? "" : "";
            cases.Add(new ScriptTestCase(index++, fields[pos].GetString()!, fields[pos + 1].GetString()!, fields[pos + 2].GetString()!,
                fields[pos + 3].GetString()!, comment, witness, amount));
        }
        return [.. cases];
    }

    /// <summary>The flags, with CLEANSTACK implying P2SH and WITNESS as in Core's harness.</summary>
    public ScriptVerifyFlags Flags
    {
        get
        {
            var flags = ScriptVerifyFlagNames.Parse(FlagsText);
            if ((flags & ScriptVerifyFlags.CleanStack) != 0) flags |= ScriptVerifyFlags.P2SH | ScriptVerifyFlags.Witness;
            return flags;
        }
    }

    /// <summary>Builds scripts, witness (resolving the tapscript placeholders) and transactions.</summary>
    public Built Build(ISecp256k1 secp)
    {
        var items = new List<byte[]>();
        byte[]? tapscript = null;
        byte[]? outputKey = null;
        if (WitnessItems is not null)
        {
            foreach (var item in WitnessItems)
            {
                var text = item.GetString()!;
                if (text.StartsWith("#SCRIPT#", StringComparison.Ordinal))
                {
                    tapscript = ScriptAssembly.Parse(text["#SCRIPT#".Length..]).ToArray();
                    items.Add(tapscript);
                }
                else if (text == "#CONTROLBLOCK#")
                {
                    var internalKey = secp.GetXOnlyPublicKey(SecretKeyOne);
                    var leaf = TaprootCommitment.LeafHash(TaprootCommitment.LeafTapscript, tapscript!);
                    var tweak = TaprootCommitment.TweakHash(internalKey, leaf).ToBytes();
                    secp.TryTweakXOnlyPublicKey(internalKey, tweak, out outputKey, out bool parity).Should().BeTrue();
                    items.Add([(byte)(TaprootCommitment.LeafTapscript | (parity ? 1 : 0)), .. internalKey]);
                }
                else
                {
                    items.Add(Convert.FromHexString(text));
                }
            }
        }
        var spkText = ScriptPubKeyText;
        if (spkText.Contains("#TAPROOTOUTPUT#", StringComparison.Ordinal))
            spkText = spkText.Replace("#TAPROOTOUTPUT#", "0x" + Convert.ToHexStringLower(outputKey!), StringComparison.Ordinal);
        var scriptSig = ScriptAssembly.Parse(ScriptSigText);
        var scriptPubKey = ScriptAssembly.Parse(spkText);
        var witness = Witness.Of([.. items]);
        var amount = new Money(AmountSatoshis);
        var credit = new Transaction(1,
            [new TxIn(OutPoint.Null, new Script(new byte[] { 0, 0 }), TxIn.SequenceFinal)],
            [new TxOut(amount, scriptPubKey)], 0);
        var spend = new Transaction(1,
            [new TxIn(new OutPoint(credit.TxId, 0), scriptSig, TxIn.SequenceFinal, witness)],
            [new TxOut(amount, Script.Empty)], 0);
        return new Built(scriptSig, scriptPubKey, witness, credit, spend, amount);
    }

    public static readonly byte[] SecretKeyOne = [.. new byte[31], 1];

    internal sealed record Built(Script ScriptSig, Script ScriptPubKey, Witness Witness, Transaction Credit, Transaction Spend, Money Amount)
    {
        public bool Verify(ScriptVerifyFlags flags, ISecp256k1 secp, out ScriptError error)
        {
            var data = new PrecomputedTransactionData(Spend, [Credit.Outputs[0]]);
            var checker = new TransactionSignatureChecker(data, 0, Amount, secp);
            return ScriptVerifier.VerifyScript(ScriptSig, ScriptPubKey, Witness, flags, checker, out error);
        }
    }
}
