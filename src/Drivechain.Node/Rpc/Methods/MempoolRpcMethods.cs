using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Mempool;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Rpc.Methods;

/// <summary>Mempool RPCs: sendrawtransaction, testmempoolaccept, getrawmempool, getmempoolinfo, getmempoolentry.</summary>
public sealed class MempoolRpcMethods(NodeRpcContext ctx) : IRpcMethodProvider
{
    private const long DefaultMaxFeeRatePerKvB = 10_000_000; // 0.10 BTC/kvB

    public IEnumerable<RpcMethod> GetMethods()
    {
        yield return new RpcMethod("sendrawtransaction", "Rawtransactions",
            [RpcArg.Req("hexstring", RpcArgType.Hex, "The hex string of the raw transaction"),
             RpcArg.Opt("maxfeerate", RpcArgType.Amount, "Reject transactions whose fee rate is higher than the specified value, expressed in BTC/kvB. 0 accepts any.", "0.10"),
             RpcArg.Opt("maxburnamount", RpcArgType.Amount, "Reject transactions with provably unspendable outputs worth more than this (BTC)", "0")],
            "Submit a raw transaction (serialized, hex-encoded) to the local mempool; once accepted it is announced to the peers.",
            "\"hex\"    (string) The transaction hash in hex", (call, ct) => ctx.LockedAsync(() => Send(call), ct));
        yield return new RpcMethod("testmempoolaccept", "Rawtransactions",
            [RpcArg.Req("rawtxs", RpcArgType.Array, "An array of hex strings of raw transactions (at most 25; later ones may spend earlier ones)"),
             RpcArg.Opt("maxfeerate", RpcArgType.Amount, "Reject transactions whose fee rate is higher than the specified value, expressed in BTC/kvB", "0.10")],
            "Returns result of mempool acceptance tests indicating if raw transaction(s) would be accepted by mempool. Does not change the mempool.",
            "[{ \"txid\", \"wtxid\", \"allowed\", \"vsize\", \"fees\": { \"base\", \"effective-feerate\", \"effective-includes\" }, \"reject-reason\" }, ...]",
            (call, ct) => ctx.LockedAsync(() => Test(call), ct));
        yield return new RpcMethod("getrawmempool", "Blockchain",
            [RpcArg.Opt("verbose", RpcArgType.Boolean, "True for a json object, false for array of transaction ids", "false"),
             RpcArg.Opt("mempool_sequence", RpcArgType.Boolean, "If verbose=false, returns a json object with transaction list and mempool sequence number attached.", "false")],
            "Returns all transaction ids in memory pool as a json array of string transaction ids.", "[\"hex\", ...] or { \"txid\": {...}, ... }",
            (call, ct) => ctx.LockedAsync(() => RawMempool(call), ct));
        yield return new RpcMethod("getmempoolinfo", "Blockchain", [], "Returns details on the active state of the TX memory pool.",
            "{ \"loaded\", \"size\", \"bytes\", \"usage\", \"total_fee\", \"maxmempool\", \"mempoolminfee\", \"minrelaytxfee\", \"incrementalrelayfee\", \"unbroadcastcount\", \"fullrbf\" }",
            (_, ct) => ctx.LockedAsync(MempoolInfo, ct));
        yield return new RpcMethod("getmempoolentry", "Blockchain", [RpcArg.Req("txid", RpcArgType.Hex, "The transaction id (must be in mempool)")],
            "Returns mempool data for given transaction", "{ \"vsize\", \"weight\", \"time\", \"height\", \"fees\", \"depends\", \"spentby\", ... }",
            (call, ct) => ctx.LockedAsync(() => MempoolEntry(call), ct));
    }

    private static Transaction Decode(string hex) =>
        RpcHex.IsHex(hex) && Transaction.TryParseHex(hex, out var tx, out _)
            ? tx
            : throw new RpcException(RpcErrorCode.DeserializationError, "TX decode failed. Make sure the tx has at least one input.");

    private static long MaxFeeRate(RpcCall call) =>
        call.Params["maxfeerate"] is { } node ? RpcAmount.FromJson(node) : DefaultMaxFeeRatePerKvB;

    private JsonNode? Send(RpcCall call)
    {
        var tx = Decode(call.Params.GetString("hexstring"));
        var maxBurn = call.Params["maxburnamount"] is { } burnNode ? RpcAmount.FromJson(burnNode) : 0;
        foreach (var output in tx.Outputs)
            if (output.ScriptPubKey.IsUnspendable && output.Value.Satoshis > maxBurn)
                throw new RpcException(RpcErrorCode.VerifyError, "Unspendable output exceeds maximum configured by user (maxburnamount)");
        var maxFeeRate = MaxFeeRate(call);

        var result = ctx.Mempool.Accept(tx, testOnly: false, maxFeeRate);
        if (result.RejectReason == NodeMempool.MaxFeeExceeded)
            throw new RpcException(RpcErrorCode.VerifyError, "Fee exceeds maximum configured by user (e.g. -maxtxfee, maxfeerate)");
        return result.Kind switch
        {
            MempoolRejectKind.None or MempoolRejectKind.AlreadyInMempool => tx.TxId.ToString(),
            MempoolRejectKind.MissingInputs => throw new RpcException(RpcErrorCode.VerifyError, result.Message),
            MempoolRejectKind.AlreadyInChain => throw new RpcException(RpcErrorCode.VerifyAlreadyInChain, "Transaction outputs already in utxo set"),
            _ => throw new RpcException(RpcErrorCode.VerifyRejected, result.Message),
        };
    }

    private JsonArray? Test(RpcCall call)
    {
        var raw = call.Params.GetArray("rawtxs");
        if (raw.Count is 0 or > 25) throw new RpcException(RpcErrorCode.InvalidParameter, "Array must contain between 1 and 25 transactions.");
        var txs = raw.Select(n => Decode(n is JsonValue v && RpcParameters.JsonTypeName(v) == "string" ? v.GetValue<string>() : "")).ToList();
        var maxFeeRate = MaxFeeRate(call);
        var results = new JsonArray();
        var added = new List<Transaction>();
        try
        {
            foreach (var tx in txs)
            {
                // Later transactions of the package may spend earlier ones: accept them for the test, undo afterwards.
                var result = ctx.Mempool.Accept(tx, testOnly: true, maxFeeRate);
                var json = new JsonObject { ["txid"] = tx.TxId.ToString(), ["wtxid"] = tx.WTxId.ToString() };
                if (result.Accepted)
                {
                    json["allowed"] = true;
                    json["vsize"] = result.VirtualSize;
                    json["fees"] = new JsonObject
                    {
                        ["base"] = RpcAmount.ToJson(result.Fee),
                        ["effective-feerate"] = RpcAmount.ToJson(result.Fee.Satoshis * 1000 / result.VirtualSize),
                        ["effective-includes"] = new JsonArray(JsonValue.Create(tx.WTxId.ToString())),
                    };
                    if (txs.Count > 1 && result.Replaced.Count == 0 && ctx.Mempool.Accept(tx, testOnly: false).Accepted) added.Add(tx);
                }
                else
                {
                    json["allowed"] = false;
                    json["reject-reason"] = result.RejectReason;
                }
                results.Add((JsonNode)json);
            }
        }
        finally
        {
            for (var i = added.Count - 1; i >= 0; i--)
                if (ctx.Mempool.Pool.TryGet(added[i].TxId, out var entry)) ctx.Mempool.Pool.RemoveWithDescendants(entry);
        }
        return results;
    }

    private JsonNode RawMempool(RpcCall call)
    {
        var pool = ctx.Mempool.Pool;
        if (call.Params.GetBoolean("verbose", false))
        {
            var all = new JsonObject();
            foreach (var entry in pool.Entries) all[entry.TxId.ToString()] = EntryJson(entry);
            return all;
        }
        var ids = new JsonArray();
        foreach (var entry in pool.Entries) ids.Add((JsonNode)entry.TxId.ToString());
        if (call.Params.GetBoolean("mempool_sequence", false))
            return new JsonObject { ["txids"] = ids, ["mempool_sequence"] = pool.NextSequence() };
        return ids;
    }

    private JsonNode MempoolInfo()
    {
        var pool = ctx.Mempool.Pool;
        return new JsonObject
        {
            ["loaded"] = true,
            ["size"] = pool.Count,
            ["bytes"] = pool.TotalVirtualSize,
            ["usage"] = pool.TotalVirtualSize * 4,
            ["total_fee"] = RpcAmount.ToJson(pool.TotalFees),
            ["maxmempool"] = 300_000_000,
            ["mempoolminfee"] = RpcAmount.ToJson(StandardPolicy.MinRelayFeePerKvB),
            ["minrelaytxfee"] = RpcAmount.ToJson(StandardPolicy.MinRelayFeePerKvB),
            ["incrementalrelayfee"] = RpcAmount.ToJson(StandardPolicy.IncrementalRelayFeePerKvB),
            ["unbroadcastcount"] = 0,
            ["fullrbf"] = true,
        };
    }

    private JsonObject MempoolEntry(RpcCall call)
    {
        var txid = RpcHex.ParseHash(call.Params.GetString("txid"), "parameter 1");
        if (!ctx.Mempool.Pool.TryGet(txid, out var entry)) throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Transaction not in mempool");
        return EntryJson(entry);
    }

    private JsonObject EntryJson(MempoolEntry entry)
    {
        var pool = ctx.Mempool.Pool;
        var ancestors = pool.GetAncestors(entry);
        var descendants = pool.GetDescendants(entry);
        var depends = new JsonArray();
        foreach (var parent in entry.Parents.OrderBy(p => p.Sequence)) depends.Add((JsonNode)parent.TxId.ToString());
        var spentBy = new JsonArray();
        foreach (var child in entry.Children.OrderBy(c => c.Sequence)) spentBy.Add((JsonNode)child.TxId.ToString());
        var json = new JsonObject
        {
            ["vsize"] = entry.VirtualSize,
            ["weight"] = entry.Weight,
            ["time"] = entry.Time,
            ["height"] = entry.Height,
            ["descendantcount"] = descendants.Count + 1,
            ["descendantsize"] = descendants.Sum(d => d.VirtualSize) + entry.VirtualSize,
            ["ancestorcount"] = ancestors.Count + 1,
            ["ancestorsize"] = ancestors.Sum(a => a.VirtualSize) + entry.VirtualSize,
            ["wtxid"] = entry.Transaction.WTxId.ToString(),
            ["fees"] = new JsonObject
            {
                ["base"] = RpcAmount.ToJson(entry.Fee),
                ["modified"] = RpcAmount.ToJson(entry.Fee),
                ["ancestor"] = RpcAmount.ToJson(ancestors.Sum(a => a.Fee.Satoshis) + entry.Fee.Satoshis),
                ["descendant"] = RpcAmount.ToJson(descendants.Sum(d => d.Fee.Satoshis) + entry.Fee.Satoshis),
            },
            ["depends"] = depends,
            ["spentby"] = spentBy,
            ["bip125-replaceable"] = entry.SignalsReplaceability || ancestors.Any(a => a.SignalsReplaceability),
            ["unbroadcast"] = false,
        };
        if (entry.BmmRequest is { } m8)
            json["bmm_request"] = new JsonObject
            {
                ["slot"] = m8.Slot,
                ["sidechain_block_hash"] = Convert.ToHexStringLower(m8.SidechainBlockHash.ToBytes()),
                ["prev_mainchain_block_hash"] = m8.PreviousMainchainBlockHash.ToString(),
            };
        return json;
    }
}
