using System.Text.Json.Nodes;
using Drivechain.Node.Rpc.Json;
using Drivechain.Node.Wallet;
using Drivechain.Wallet.Ledger;

namespace Drivechain.Node.Rpc.Methods;

public sealed partial class WalletRpcMethods
{
    private IEnumerable<RpcMethod> HistoryMethods()
    {
        yield return new RpcMethod("listtransactions", Category,
            [RpcArg.Opt("label", RpcArgType.String, "Must be \"*\" or omitted (no labels)"),
             RpcArg.Opt("count", RpcArgType.Number, "The number of transactions to return", "10"),
             RpcArg.Opt("skip", RpcArgType.Number, "The number of transactions to skip", "0"),
             RpcArg.Opt("include_watchonly", RpcArgType.Boolean, "Ignored", "true")],
            "Returns up to 'count' most recent transactions skipping the first 'from' transactions.",
            "[{ \"address\", \"category\", \"amount\", \"vout\", \"fee\", \"confirmations\", \"blockhash\", \"blockheight\", \"blockindex\", \"blocktime\", \"txid\", \"wtxid\", \"time\", \"timereceived\", \"bip125-replaceable\" }, ...]",
            (call, ct) => WithWallet(call, ct, ListTransactions));
        yield return new RpcMethod("gettransaction", Category,
            [RpcArg.Req("txid", RpcArgType.Hex, "The transaction id"),
             RpcArg.Opt("include_watchonly", RpcArgType.Boolean, "Ignored", "true"),
             RpcArg.Opt("verbose", RpcArgType.Boolean, "Whether to include a `decoded` field", "false")],
            "Get detailed information about in-wallet transaction <txid>.",
            "{ \"amount\", \"fee\", \"confirmations\", \"blockhash\", \"blockheight\", \"blockindex\", \"blocktime\", \"txid\", \"wtxid\", \"time\", \"timereceived\", \"bip125-replaceable\", \"details\", \"hex\" }",
            (call, ct) => WithWallet(call, ct, GetTransaction));
    }

    private JsonNode ListTransactions(RpcCall call, NodeWallet wallet)
    {
        if (call.Params.GetOptionalString("label") is { } label && label != "*")
            throw new RpcException(RpcErrorCode.InvalidParameter, "labels are not supported by this wallet");
        var count = call.Params.GetOptionalInt32("count", 10);
        var skip = call.Params.GetOptionalInt32("skip", 0);
        if (count < 0) throw new RpcException(RpcErrorCode.InvalidParameter, "Negative count");
        if (skip < 0) throw new RpcException(RpcErrorCode.InvalidParameter, "Negative from");
        var entries = wallet.Ledger.Transactions.SelectMany(t => Entries(wallet, t)).ToList();
        var end = Math.Max(0, entries.Count - skip);
        var start = Math.Max(0, end - count);
        return new JsonArray([.. entries.Skip(start).Take(end - start)]);
    }

    private JsonNode GetTransaction(RpcCall call, NodeWallet wallet)
    {
        var txid = RpcHex.ParseHash(call.Params.GetString("txid"), "txid");
        if (!wallet.Ledger.TryGetTransaction(txid, out var wtx))
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Invalid or non-wallet transaction id");
        var ledger = wallet.Ledger;
        var debit = ledger.Sent(wtx);
        var credit = ledger.Received(wtx);
        var fee = debit > 0 && ledger.Fee(wtx) is { } f ? -f : 0;
        var result = new JsonObject { ["amount"] = Amount(credit - debit - fee) };
        if (debit > 0) result["fee"] = Amount(fee);
        AddStatus(result, wallet, wtx);
        result["details"] = new JsonArray([.. Entries(wallet, wtx).Select(Detail)]);
        result["hex"] = wtx.Transaction.ToHex();
        if (call.Params.GetBoolean("verbose", false)) result["decoded"] = TransactionJson.ToJson(wtx.Transaction, ctx.Node.Network, includeHex: false);
        return result;
    }

    /// <summary>listtransactions rows of one transaction: a "send" per paid output (change excluded), a receive per output to us.</summary>
    private IEnumerable<JsonObject> Entries(NodeWallet wallet, WalletTx wtx)
    {
        var ledger = wallet.Ledger;
        var fromMe = ledger.Sent(wtx) > 0;
        var fee = fromMe && ledger.Fee(wtx) is { } f ? f : 0;
        var outputs = wtx.Transaction.Outputs;
        var rows = new List<JsonObject>();
        for (var vout = 0; vout < outputs.Length; vout++)
        {
            var output = outputs[vout];
            var mine = ledger.TryGetOrigin(output.ScriptPubKey, out var origin);
            if (fromMe && mine && origin.Change) continue;   // change is neither sent nor received
            if (fromMe && !mine)
                rows.Add(Row(wallet, wtx, vout, "send", -output.Value.Satoshis, -fee, output));
            if (mine)
                rows.Add(Row(wallet, wtx, vout, ReceiveCategory(wallet, wtx), output.Value.Satoshis, null, output));
        }
        return rows;
    }

    private string ReceiveCategory(NodeWallet wallet, WalletTx wtx)
    {
        if (!wtx.IsCoinbase) return "receive";
        if (!wtx.IsConfirmed) return "orphan";
        return wallet.Ledger.IsImmature(wtx) ? "immature" : "generate";
    }

    private JsonObject Row(NodeWallet wallet, WalletTx wtx, int vout, string category, long amount, long? fee, Drivechain.Bitcoin.Primitives.TxOut output)
    {
        var row = new JsonObject();
        if (AddressText(output.ScriptPubKey) is { } address) row["address"] = address;
        row["category"] = category;
        row["amount"] = Amount(amount);
        row["vout"] = vout;
        if (fee is { } f) row["fee"] = Amount(f);
        AddStatus(row, wallet, wtx);
        if (category == "send") row["abandoned"] = false;
        return row;
    }

    private void AddStatus(JsonObject json, NodeWallet wallet, WalletTx wtx)
    {
        var confirmations = wallet.Ledger.Confirmations(wtx);
        var active = wallet.Ledger.IsActive(wtx, wallets.InMempool);
        json["confirmations"] = active ? confirmations : -1;   // Core: negative for conflicted transactions
        if (wtx.IsCoinbase) json["generated"] = true;
        if (confirmations == 0) json["trusted"] = active && wtx.FromMe;
        if (wtx.IsConfirmed)
        {
            json["blockhash"] = wtx.BlockHash!.Value.ToString();
            json["blockheight"] = wtx.Height;
            json["blockindex"] = wtx.BlockIndex;
            json["blocktime"] = wtx.BlockTime;
        }
        json["txid"] = wtx.TxId.ToString();
        json["wtxid"] = wtx.Transaction.WTxId.ToString();
        json["walletconflicts"] = new JsonArray();
        json["time"] = wtx.IsConfirmed ? Math.Min(wtx.TimeReceived, wtx.BlockTime) : wtx.TimeReceived;
        json["timereceived"] = wtx.TimeReceived;
        json["bip125-replaceable"] = !wtx.IsConfirmed && wtx.Transaction.Inputs.Any(i => i.Sequence < 0xfffffffe) ? "yes" : "no";
    }

    private static JsonObject Detail(JsonObject row)
    {
        var detail = new JsonObject();
        foreach (var name in new[] { "address", "category", "amount", "vout", "fee", "abandoned" })
            if (row[name] is { } value) detail[name] = value.DeepClone();
        return detail;
    }
}
