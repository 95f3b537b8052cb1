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
    private const string FundOptionsHelp =
        "{ \"add_inputs\", \"fee_rate\" (sat/vB), \"feeRate\" (BTC/kvB), \"change_address\" / \"changeAddress\", \"changePosition\" (only last), "
        + "\"subtractFeeFromOutputs\" [vout,...], \"replaceable\", \"lockUnspents\" (ignored) }";

    private IEnumerable<RpcMethod> PsbtMethods()
    {
        yield return new RpcMethod("walletcreatefundedpsbt", Category,
            [RpcArg.Opt("inputs", RpcArgType.Array, "Leave empty to add inputs automatically: [{\"txid\",\"vout\",\"sequence\"},...] (wallet coins only)"),
             RpcArg.Req("outputs", RpcArgType.Array, "[{\"address\": amount}, {\"data\": \"hex\"}, ...] (an object of address: amount pairs is accepted too)"),
             RpcArg.Opt("locktime", RpcArgType.Number, "Raw locktime", "0"),
             RpcArg.Opt("options", RpcArgType.Object, FundOptionsHelp),
             RpcArg.Opt("bip32derivs", RpcArgType.Boolean, "Include BIP 32 derivation paths for the wallet's public keys", "true")],
            "Creates and funds a transaction in the Partially Signed Transaction format (inputs and change from the wallet, change last).",
            "{ \"psbt\", \"fee\", \"changepos\" }", (call, ct) => WithWallet(call, CreateFundedPsbt, ct));
    }

    private JsonNode CreateFundedPsbt(RpcCall call, NodeWallet wallet)
    {
        var locktime = call.Params.GetOptionalInt64("locktime") ?? 0;
        if (locktime is < 0 or > uint.MaxValue) throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, locktime out of range");
        var inputs = call.Params["inputs"] is JsonArray given ? RawTransactionRpcMethods.ParseInputs(given, (uint)locktime, replaceable: true) : [];
        var outputs = RawTransactionRpcMethods.ParseOutputs(call.Params["outputs"], ctx.Node.Network);
        var raw = new Transaction(2, inputs, outputs, (uint)locktime);
        // Core: with preset inputs, more are added only when add_inputs says so.
        var plan = Fund(wallet, raw, call.Params["options"] as JsonObject ?? [], defaultAddInputs: inputs.IsEmpty);
        var psbt = WalletPsbt.CreatePsbt(plan.Unsigned, [.. plan.Spent], wallet.Network);
        if (call.Params.GetBoolean("bip32derivs", true)) AddDerivations(psbt, wallet);
        return new JsonObject { ["psbt"] = psbt.ToBase64(), ["fee"] = Amount(plan.Fee), ["changepos"] = plan.ChangeIndex };
    }

    /// <summary>PSBT_IN/OUT_BIP32_DERIVATION for the wallet's inputs and outputs (master fingerprint, m/84'/coin'/0'/branch/index).</summary>
    private static void AddDerivations(NBitcoin.PSBT psbt, NodeWallet wallet) =>
        WalletPsbt.AddDerivations(psbt, wallet.Account, script => wallet.Ledger.TryGetOrigin(script, out var origin) ? origin : null);

    /// <summary>
    /// Core's FundTransaction options for fundrawtransaction and walletcreatefundedpsbt: the raw transaction's inputs are
    /// preset (wallet coins only), its outputs kept in order, change last.
    /// </summary>
    private PlannedTransaction Fund(NodeWallet wallet, Transaction raw, JsonObject options, bool defaultAddInputs)
    {
        FeeMode fee = options["fee_rate"] is { } satPerVb ? FeeRate(satPerVb)
            : options["feeRate"] is { } btcPerKvB ? new FeeMode.Rate(RpcAmount.FromJson(btcPerKvB))
            : defaultFee.Default();   // fee estimation hook
        if (options["fee_rate"] is not null && options["feeRate"] is not null)
            throw new RpcException(RpcErrorCode.InvalidParameter, "Cannot specify both fee_rate (sat/vB) and feeRate (BTC/kvB)");
        var unspent = wallet.Ledger.Unspent(wallets.InMempool).ToDictionary(c => c.OutPoint);
        var required = new List<WalletCoin>();
        foreach (var input in raw.Inputs)
            required.Add(unspent.TryGetValue(input.PrevOut, out var coin) ? coin
                : throw new RpcException(WalletErrorCode.WalletError, $"Unable to find UTXO for external input {input.PrevOut} (only wallet coins can be preset inputs)"));
        var addInputs = options["add_inputs"]?.GetValue<bool>() ?? defaultAddInputs;
        var replaceable = options["replaceable"]?.GetValue<bool>() ?? true;
        Script? changeScript = (options["change_address"] ?? options["changeAddress"])?.GetValue<string>() is { } changeAddress
            ? ParseAddress(changeAddress).ScriptPubKey : null;
        if (options["changePosition"] is { } position && position.GetValue<long>() != raw.Outputs.Length)
            throw new RpcException(RpcErrorCode.InvalidParameter, $"changePosition must be the last position ({raw.Outputs.Length}): this wallet puts change last");
        var subtract = SubtractFeeFrom(options["subtractFeeFromOutputs"] ?? options["subtract_fee_from_outputs"], raw.Outputs.Length);
        return wallets.Plan(wallet, (change, _) => new SpendRequest([.. raw.Outputs], fee, changeScript ?? change)
        {
            RequiredCoins = required, AddInputs = addInputs, Replaceable = replaceable, LockTime = raw.LockTime, SubtractFeeFromOutputs = subtract,
        });
    }

    private static List<int> SubtractFeeFrom(JsonNode? node, int outputs)
    {
        if (node is null) return [];
        if (node is not JsonArray array) throw new RpcException(RpcErrorCode.TypeError, "subtractFeeFromOutputs must be an array of output positions");
        var positions = new List<int>();
        foreach (var item in array)
        {
            var position = item?.GetValue<int>() ?? -1;
            if (position < 0 || position >= outputs)
                throw new RpcException(RpcErrorCode.InvalidParameter, $"Invalid parameter 'subtract fee from output', destination {position} is out of range");
            if (positions.Contains(position)) throw new RpcException(RpcErrorCode.InvalidParameter, $"Invalid parameter, duplicated position: {position}");
            positions.Add(position);
        }
        return positions;
    }
}
