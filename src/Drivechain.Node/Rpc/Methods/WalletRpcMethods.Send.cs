using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Node.Rpc.Json;
using Drivechain.Node.Wallet;
using Drivechain.Wallet.Ledger;
using Drivechain.Wallet.Spending;

namespace Drivechain.Node.Rpc.Methods;

public sealed partial class WalletRpcMethods
{
    /// <summary>The former fixed default (2 sat/vB); a caller that gives no fee rate now gets <see cref="Mempool.FeeEstimation.WalletFeeRate"/>.</summary>
    public const long DefaultFeeRatePerKvB = 2000;

    private static readonly RpcArg FeeRateArg = RpcArg.Opt("fee_rate", RpcArgType.Amount, "Fee rate in sat/vB", "the 6-block estimate, else -fallbackfee");
    private static readonly RpcArg ReplaceableArg = RpcArg.Opt("replaceable", RpcArgType.Boolean, "Signal BIP125 replaceability", "true");

    private IEnumerable<RpcMethod> SendMethods()
    {
        yield return new RpcMethod("sendtoaddress", Category,
            [RpcArg.Req("address", RpcArgType.String, "The bitcoin address to send to"),
             RpcArg.Req("amount", RpcArgType.Amount, "The amount in BTC to send"),
             RpcArg.Opt("comment", RpcArgType.String, "Ignored"), RpcArg.Opt("comment_to", RpcArgType.String, "Ignored"),
             RpcArg.Opt("subtractfeefromamount", RpcArgType.Boolean, "Not supported: must be false", "false"),
             ReplaceableArg,
             RpcArg.Opt("conf_target", RpcArgType.Number, "Ignored (no fee estimation)"), RpcArg.Opt("estimate_mode", RpcArgType.String, "Ignored"),
             RpcArg.Opt("avoid_reuse", RpcArgType.Boolean, "Ignored"), FeeRateArg,
             RpcArg.Opt("verbose", RpcArgType.Boolean, "Return { txid, fee_reason }", "false")],
            "Send an amount to a given address.", "\"hex\"", (call, ct) => WithWallet(call, SendToAddress, ct));
        yield return new RpcMethod("sendmany", Category,
            [RpcArg.Opt("dummy", RpcArgType.String, "Must be set to \"\" for backwards compatibility."),
             RpcArg.Req("amounts", RpcArgType.Object, "{\"address\": amount, ...}"),
             RpcArg.Opt("minconf", RpcArgType.Number, "Only spend coins with at least this many confirmations", "0"),
             RpcArg.Opt("comment", RpcArgType.String, "Ignored"),
             RpcArg.Opt("subtractfeefrom", RpcArgType.Array, "Not supported: must be empty"),
             ReplaceableArg, RpcArg.Opt("conf_target", RpcArgType.Number, "Ignored"), RpcArg.Opt("estimate_mode", RpcArgType.String, "Ignored"),
             FeeRateArg, RpcArg.Opt("verbose", RpcArgType.Boolean, "Return { txid, fee_reason }", "false")],
            "Send multiple times. Amounts are double-precision floating point numbers.", "\"hex\"", (call, ct) => WithWallet(call, SendMany, ct));
        yield return new RpcMethod("fundrawtransaction", Category,
            [RpcArg.Req("hexstring", RpcArgType.Hex, "The hex string of the raw transaction"),
             RpcArg.Opt("options", RpcArgType.Object, FundOptionsHelp),
             RpcArg.Opt("iswitness", RpcArgType.Boolean, "Ignored")],
            "Adds inputs (and a change output, last) to a transaction until it has enough in value to meet its out value. Preset inputs must be wallet coins.",
            "{ \"hex\", \"fee\", \"changepos\" }", (call, ct) => WithWallet(call, FundRawTransaction, ct));
        yield return new RpcMethod("signrawtransactionwithwallet", Category,
            [RpcArg.Req("hexstring", RpcArgType.Hex, "The transaction hex string"),
             RpcArg.Opt("prevtxs", RpcArgType.Array, "The previous dependent outputs: [{\"txid\",\"vout\",\"scriptPubKey\",\"amount\"},...]"),
             RpcArg.Opt("sighashtype", RpcArgType.String, "Only \"DEFAULT\" or \"ALL\"", "DEFAULT")],
            "Sign inputs for raw transaction (serialized, hex-encoded) with the wallet's keys (NBitcoin).",
            "{ \"hex\", \"complete\", \"errors\" }", (call, ct) => WithWallet(call, SignRawTransaction, ct));
        yield return new RpcMethod("walletprocesspsbt", Category,
            [RpcArg.Req("psbt", RpcArgType.String, "The transaction base64 string"),
             RpcArg.Opt("sign", RpcArgType.Boolean, "Also sign the transaction when updating (only true is supported)", "true"),
             RpcArg.Opt("sighashtype", RpcArgType.String, "Only \"DEFAULT\" or \"ALL\"", "DEFAULT"),
             RpcArg.Opt("bip32derivs", RpcArgType.Boolean, "Include BIP 32 derivation paths for the wallet's public keys", "true"),
             RpcArg.Opt("finalize", RpcArgType.Boolean, "Also finalize inputs if possible", "true")],
            "Update a PSBT with input information from the wallet and the chain, then sign inputs the wallet can sign (NBitcoin).",
            "{ \"psbt\", \"complete\", \"hex\" }", (call, ct) => WithWallet(call, ProcessPsbt, ct));
    }

    private JsonNode ProcessPsbt(RpcCall call, NodeWallet wallet)
    {
        if (call.Params.GetOptionalString("sighashtype") is { } hashType && hashType is not ("DEFAULT" or "ALL"))
            throw new RpcException(RpcErrorCode.InvalidParameter, $"'{hashType}' is not a valid sighash parameter.");
        if (!call.Params.GetBoolean("sign", true)) throw new RpcException(RpcErrorCode.InvalidParameter, "sign=false is not supported by this wallet");
        if (!WalletPsbt.TryParse(call.Params.GetString("psbt"), wallet.Network, out var psbt))
            throw new RpcException(RpcErrorCode.DeserializationError, "TX decode failed");
        var tx = Drivechain.Consensus.NBitcoin.NBitcoinConversions.ToDrivechain(psbt.GetGlobalTransaction());
        var spent = tx.Inputs.Select(i => FindOutput(wallet, i.PrevOut)).ToList();
        if (call.Params.GetBoolean("bip32derivs", true))
        {
            psbt.AddCoins(WalletSigner.Coins(psbt.GetGlobalTransaction(), spent));
            AddDerivations(psbt, wallet);
        }
        var (signed, complete, final) = WalletPsbt.Process(psbt, spent, wallet.KeysFor(Origins(wallet, spent)), call.Params.GetBoolean("finalize", true));
        var result = new JsonObject { ["psbt"] = signed, ["complete"] = complete };
        if (final is not null) result["hex"] = final.ToHex();
        return result;
    }

    private static List<KeyOrigin> Origins(NodeWallet wallet, IEnumerable<TxOut?> spent)
    {
        var origins = new List<KeyOrigin>();
        foreach (var output in spent)
            if (output is not null && wallet.Ledger.TryGetOrigin(output.ScriptPubKey, out var origin)) origins.Add(origin);
        return origins;
    }

    private JsonNode SendToAddress(RpcCall call, NodeWallet wallet)
    {
        if (call.Params.GetBoolean("subtractfeefromamount", false))
            throw new RpcException(RpcErrorCode.InvalidParameter, "subtractfeefromamount is not supported by this wallet");
        var output = new TxOut(new Money(RpcAmount.FromJson(call.Params["amount"], allowZero: false)), ParseAddress(call.Params.GetString("address")).ScriptPubKey);
        return SendOutputs(call, wallet, [output], 0);
    }

    private JsonNode SendMany(RpcCall call, NodeWallet wallet)
    {
        if (call.Params.GetOptionalString("dummy") is { Length: > 0 })
            throw new RpcException(RpcErrorCode.InvalidParameter, "Dummy value must be set to \"\"");
        if (call.Params["subtractfeefrom"] is JsonArray { Count: > 0 })
            throw new RpcException(RpcErrorCode.InvalidParameter, "subtractfeefrom is not supported by this wallet");
        var outputs = new List<TxOut>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (text, amount) in call.Params.GetObject("amounts"))
        {
            if (!seen.Add(text)) throw new RpcException(RpcErrorCode.InvalidParameter, $"Invalid parameter, duplicated address: {text}");
            outputs.Add(new TxOut(new Money(RpcAmount.FromJson(amount, allowZero: false)), ParseAddress(text).ScriptPubKey));
        }
        if (outputs.Count == 0) throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, amounts is empty");
        return SendOutputs(call, wallet, outputs, call.Params.GetOptionalInt32("minconf", 0));
    }

    private JsonNode SendOutputs(RpcCall call, NodeWallet wallet, IReadOnlyList<TxOut> outputs, int minConf)
    {
        var fee = FeeRate(call.Params["fee_rate"]);
        var replaceable = call.Params.GetBoolean("replaceable", true);
        var (tx, _) = wallets.Send(wallet, (change, lockTime) => new SpendRequest(outputs, fee, change) { Replaceable = replaceable, LockTime = lockTime }, minConf);
        return call.Params.GetBoolean("verbose", false)
            ? new JsonObject { ["txid"] = tx.TxId.ToString(), ["fee_reason"] = fee is FeeMode.Rate ? "Fallback fee" : "User-specified fee" }
            : JsonValue.Create(tx.TxId.ToString());
    }

    /// <summary>A fee_rate argument (sat/vB, fractions allowed) as sat/kvB; absent → the default rate.</summary>
    private FeeMode.Rate FeeRate(JsonNode? satPerVb)
    {
        if (satPerVb is null) return defaultFee.Default();   // fee estimation hook (Mempool/FeeEstimation/WalletFeeRate)
        var text = satPerVb.GetValueKind() == JsonValueKind.String ? satPerVb.GetValue<string>() : satPerVb.ToJsonString();
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate < 0 || rate > 100_000_000)
            throw new RpcException(RpcErrorCode.TypeError, "Invalid amount");
        var perKvB = rate * 1000;
        if (perKvB != decimal.Truncate(perKvB)) throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid fee_rate (at most 3 decimals in sat/vB)");
        return new FeeMode.Rate((long)perKvB);
    }

    private JsonNode FundRawTransaction(RpcCall call, NodeWallet wallet)
    {
        if (!TransactionDecoding.TryDecodeHex(call.Params.GetString("hexstring"), out var raw))
            throw new RpcException(RpcErrorCode.DeserializationError, "TX decode failed");
        var plan = Fund(wallet, raw, call.Params["options"] as JsonObject ?? [], defaultAddInputs: true);
        return new JsonObject { ["hex"] = plan.Unsigned.ToHex(), ["fee"] = Amount(plan.Fee), ["changepos"] = plan.ChangeIndex };
    }

    private JsonNode SignRawTransaction(RpcCall call, NodeWallet wallet)
    {
        if (!TransactionDecoding.TryDecodeHex(call.Params.GetString("hexstring"), out var tx))
            throw new RpcException(RpcErrorCode.DeserializationError, "TX decode failed. Make sure the tx has at least one input.");
        if (call.Params.GetOptionalString("sighashtype") is { } hashType && hashType is not ("DEFAULT" or "ALL"))
            throw new RpcException(RpcErrorCode.InvalidParameter, $"'{hashType}' is not a valid sighash parameter.");
        var given = new Dictionary<OutPoint, TxOut>();
        if (call.Params["prevtxs"] is JsonArray prevtxs)
            foreach (var node in prevtxs)
            {
                if (node is not JsonObject prev) throw new RpcException(RpcErrorCode.DeserializationError, "expected object with {\"txid'\",\"vout\",\"scriptPubKey\"}");
                var outPoint = new OutPoint(RpcHex.ParseHash(prev["txid"]?.GetValue<string>() ?? "", "txid"), (uint)(prev["vout"]?.GetValue<long>() ?? -1));
                var script = new Script(RpcHex.ParseHex(prev["scriptPubKey"]?.GetValue<string>() ?? "", "scriptPubKey"));
                given[outPoint] = new TxOut(new Money(prev["amount"] is { } amount ? RpcAmount.FromJson(amount) : 0), script);
            }
        var spent = tx.Inputs.Select(i => given.GetValueOrDefault(i.PrevOut) ?? FindOutput(wallet, i.PrevOut)).ToList();
        var origins = Origins(wallet, spent);
        var signed = origins.Count == 0 ? tx : WalletSigner.Sign(tx, spent, wallet.KeysFor(origins), wallet.Network);
        var errors = new JsonArray();
        for (var i = 0; i < signed.Inputs.Length; i++)
        {
            var input = signed.Inputs[i];
            if (!input.Witness.IsEmpty || !input.ScriptSig.IsEmpty) continue;
            errors.Add((JsonNode)new JsonObject
            {
                ["txid"] = input.PrevOut.TxId.ToString(),
                ["vout"] = input.PrevOut.Index,
                ["witness"] = new JsonArray(),
                ["scriptSig"] = "",
                ["sequence"] = input.Sequence,
                ["error"] = spent[i] is null ? "Input not found or already spent" : "Unable to sign input, invalid stack size (possibly missing key)",
            });
        }
        var result = new JsonObject { ["hex"] = signed.ToHex(), ["complete"] = errors.Count == 0 };
        if (errors.Count > 0) result["errors"] = errors;
        return result;
    }

    /// <summary>The output an input spends: the wallet's transactions, the UTXO set, or the mempool (node lock held).</summary>
    private TxOut? FindOutput(NodeWallet wallet, OutPoint outPoint)
    {
        if (wallet.Ledger.FindOutput(outPoint) is { } mine) return mine;
        if (ctx.Chain.TryGetCoin(outPoint, out var coin)) return coin.Output;
        return ctx.Mempool.Pool.TryGetOutput(outPoint, out var output) ? output : null;
    }
}
