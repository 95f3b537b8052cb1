using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Rpc.Methods;

public sealed partial class BlockchainRpcMethods
{
    private IEnumerable<RpcMethod> TransactionMethods()
    {
        yield return new RpcMethod("getrawtransaction", "Rawtransactions",
            [RpcArg.Req("txid", RpcArgType.Hex, "The transaction id"),
             RpcArg.Opt("verbosity", RpcArgType.Any, "0 for hex-encoded data, 1 for a JSON object", "0"),
             RpcArg.Opt("blockhash", RpcArgType.Hex, "The block in which to look for the transaction")],
            "By default, this call only returns a transaction if it is in the mempool. There is no -txindex: give the block hash to look the transaction up in that block.",
            "\"data\" or { \"in_active_chain\", \"txid\", ..., \"blockhash\", \"confirmations\", \"time\", \"blocktime\" }",
            (call, ct) => ctx.LockedAsync(() => GetRawTransaction(call), ct));
        yield return new RpcMethod("gettxout", "Blockchain",
            [RpcArg.Req("txid", RpcArgType.Hex, "The transaction id"), RpcArg.Req("n", RpcArgType.Number, "vout number"),
             RpcArg.Opt("include_mempool", RpcArgType.Boolean, "Whether to include the mempool", "true")],
            "Returns details about an unspent transaction output.",
            "{ \"bestblock\", \"confirmations\", \"value\", \"scriptPubKey\", \"coinbase\" } or null",
            (call, ct) => ctx.LockedAsync(() => GetTxOut(call), ct));
    }

    private JsonNode? GetRawTransaction(RpcCall call)
    {
        var txid = RpcHex.ParseHash(call.Params.GetString("txid"), "parameter 1");
        var verbose = call.Params["verbosity"] switch
        {
            null => false,
            JsonValue v when RpcParameters.JsonTypeName(v) == "bool" => v.GetValue<bool>(),
            JsonValue v when RpcParameters.JsonTypeName(v) == "number" => call.Params.GetInt64("verbosity") != 0,
            var other => throw new RpcException(RpcErrorCode.TypeError, $"JSON value of type {RpcParameters.JsonTypeName(other)} is not of expected type number"),
        };
        var network = ctx.Chain.Network;
        if (call.Params.GetOptionalString("blockhash") is { } blockHashText)
        {
            var blockHash = RpcHex.ParseHash(blockHashText, "parameter 3");
            var index = ctx.Chain.GetBlockIndex(blockHash) ?? throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Block hash not found");
            var block = ctx.Chain.GetBlock(blockHash) ?? throw new RpcException(RpcErrorCode.MiscError, "Block not available");
            var tx = block.Transactions.FirstOrDefault(t => t.TxId == txid)
                ?? throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "No such transaction found in the provided block. Use gettransaction for wallet transactions.");
            if (!verbose) return tx.ToHex();
            var inActive = ctx.Chain.IsInActiveChain(blockHash);
            var json = new JsonObject { ["in_active_chain"] = inActive };
            foreach (var (key, value) in TransactionJson.ToJson(tx, network, includeHex: true)) json[key] = value?.DeepClone();
            json["blockhash"] = blockHash.ToString();
            json["confirmations"] = inActive ? ctx.Chain.Height - index.Height + 1 : 0;
            json["time"] = index.Header.Time;
            json["blocktime"] = index.Header.Time;
            return json;
        }
        if (ctx.Mempool.Pool.TryGet(txid, out var entry))
            return verbose ? TransactionJson.ToJson(entry.Transaction, network, includeHex: true) : entry.Transaction.ToHex();
        var genesis = ctx.Chain.GetBlock(ctx.Chain.GetBlockHash(0)!.Value);
        if (genesis is not null && genesis.Transactions[0].TxId == txid)
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "The genesis block coinbase is not considered an ordinary transaction and cannot be retrieved");
        throw new RpcException(RpcErrorCode.InvalidAddressOrKey,
            "No such mempool transaction. Use -txindex or provide a block hash to enable blockchain transaction queries. Use gettransaction for wallet transactions.");
    }

    private JsonObject? GetTxOut(RpcCall call)
    {
        var txid = RpcHex.ParseHash(call.Params.GetString("txid"), "txid");
        var n = call.Params.GetInt32("n");     // Core reads an int: above 2^31-1 is "JSON integer out of range"
        if (n < 0) throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, vout cannot be negative");
        var outPoint = new OutPoint(txid, (uint)n);
        var includeMempool = call.Params.GetBoolean("include_mempool", true);
        var chain = ctx.Chain;
        TxOut output;
        int confirmations;
        bool coinbase;
        if (includeMempool && ctx.Mempool.Pool.SpenderOf(outPoint) is not null) return null;
        if (chain.TryGetCoin(outPoint, out var coin))
        {
            output = coin.Output;
            confirmations = chain.Height - coin.Height + 1;
            coinbase = coin.IsCoinbase;
        }
        else if (includeMempool && ctx.Mempool.Pool.TryGetOutput(outPoint, out var poolOutput))
        {
            output = poolOutput;
            confirmations = 0;
            coinbase = false;
        }
        else
        {
            return null;
        }
        return new JsonObject
        {
            ["bestblock"] = chain.Tip.Hash.ToString(),
            ["confirmations"] = confirmations,
            ["value"] = RpcAmount.ToJson(output.Value),
            ["scriptPubKey"] = ScriptJson.ScriptPubKey(output.ScriptPubKey, chain.Network),
            ["coinbase"] = coinbase,
        };
    }
}
