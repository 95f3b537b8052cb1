using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Hosting;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Rpc.Methods;

/// <summary>Chain RPCs: getblockchaininfo, getblockcount, getbestblockhash, getblockhash, getblock, getblockheader,
/// getchaintips, getdifficulty, getrawtransaction, gettxout, invalidateblock, reconsiderblock.</summary>
public sealed partial class BlockchainRpcMethods(NodeRpcContext ctx, P2P.PeerManager peers) : IRpcMethodProvider
{
    public IEnumerable<RpcMethod> GetMethods()
    {
        yield return new RpcMethod("getblockchaininfo", "Blockchain", [], "Returns an object containing various state info regarding blockchain processing.",
            "{ \"chain\", \"blocks\", \"headers\", \"bestblockhash\", \"bits\", \"target\", \"difficulty\", \"time\", \"mediantime\", \"verificationprogress\", \"initialblockdownload\", \"chainwork\", \"size_on_disk\", \"pruned\", \"warnings\" }",
            (_, ct) => ctx.LockedAsync(BlockchainInfo, ct));
        yield return new RpcMethod("getblockcount", "Blockchain", [], "Returns the height of the most-work fully-validated chain.",
            "n    (numeric) The current block count", (_, ct) => ctx.LockedAsync(() => ctx.Chain.Height, ct));
        yield return new RpcMethod("getbestblockhash", "Blockchain", [], "Returns the hash of the best (tip) block in the most-work fully-validated chain.",
            "\"hex\"    (string) the block hash, hex-encoded", (_, ct) => ctx.LockedAsync(() => ctx.Chain.Tip.Hash.ToString(), ct));
        yield return new RpcMethod("getblockhash", "Blockchain", [RpcArg.Req("height", RpcArgType.Number, "The height index")],
            "Returns hash of block in best-block-chain at height provided.", "\"hex\"    (string) The block hash",
            (call, ct) => ctx.LockedAsync(() => BlockHash(call), ct));
        yield return new RpcMethod("getblock", "Blockchain",
            [RpcArg.Req("blockhash", RpcArgType.Hex, "The block hash"),
             RpcArg.Opt("verbosity", RpcArgType.Any, "0 for hex-encoded data, 1 for a JSON object, 2 for JSON object with transaction data", "1")],
            "If verbosity is 0, returns a string that is serialized, hex-encoded data for block 'hash'.\nIf verbosity is 1, returns an Object with information about block <hash>.\nIf verbosity is 2, returns an Object with information about block <hash> and information about each transaction.",
            "{ \"hash\", \"confirmations\", \"size\", \"strippedsize\", \"weight\", \"height\", \"version\", \"merkleroot\", \"tx\", … }",
            (call, ct) => ctx.LockedAsync(() => GetBlock(call), ct));
        yield return new RpcMethod("getblockheader", "Blockchain",
            [RpcArg.Req("blockhash", RpcArgType.Hex, "The block hash"), RpcArg.Opt("verbose", RpcArgType.Boolean, "true for a json object, false for the hex-encoded data", "true")],
            "If verbose is false, returns a string that is serialized, hex-encoded data for blockheader 'hash'.\nIf verbose is true, returns an Object with information about blockheader <hash>.",
            "{ \"hash\", \"confirmations\", \"height\", \"version\", \"merkleroot\", \"time\", \"mediantime\", \"nonce\", \"bits\", \"difficulty\", \"chainwork\", \"nTx\", \"previousblockhash\", \"nextblockhash\" }",
            (call, ct) => ctx.LockedAsync(() => GetBlockHeader(call), ct));
        yield return new RpcMethod("getchaintips", "Blockchain", [], "Return information about all known tips in the block tree, including the main chain as well as orphaned branches.",
            "[{ \"height\", \"hash\", \"branchlen\", \"status\" }, ...]", (_, ct) => ctx.LockedAsync(ChainTips, ct));
        yield return new RpcMethod("getdifficulty", "Blockchain", [], "Returns the proof-of-work difficulty as a multiple of the minimum difficulty.",
            "n.nnn    (numeric) the proof-of-work difficulty", (_, ct) => ctx.LockedAsync(() => BlockJson.Difficulty(ctx.Chain.Tip.Header.Bits), ct));
        yield return new RpcMethod("invalidateblock", "Blockchain", [RpcArg.Req("blockhash", RpcArgType.Hex, "the hash of the block to mark as invalid")],
            "Permanently marks a block as invalid, as if it violated a consensus rule.", "null    (json null)",
            (call, ct) => ctx.LockedAsync(() => Invalidate(call, reconsider: false), ct));
        yield return new RpcMethod("reconsiderblock", "Blockchain", [RpcArg.Req("blockhash", RpcArgType.Hex, "the hash of the block to reconsider")],
            "Removes invalidity status of a block, its ancestors and its descendants, reconsider them for activation.", "null    (json null)",
            (call, ct) => ctx.LockedAsync(() => Invalidate(call, reconsider: true), ct));
        foreach (var method in TransactionMethods()) yield return method;
    }

    private JsonNode BlockchainInfo()
    {
        var chain = ctx.Chain;
        var tip = chain.Tip;
        return new JsonObject
        {
            ["chain"] = ChainName(chain.Network.Name),
            ["blocks"] = tip.Height,
            ["headers"] = peers.HeaderHeight(tip),
            ["bestblockhash"] = tip.Hash.ToString(),
            ["bits"] = tip.Header.Bits.ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
            ["target"] = BlockJson.TargetHex(tip.Header),
            ["difficulty"] = BlockJson.Difficulty(tip.Header.Bits),
            ["time"] = tip.Header.Time,
            ["mediantime"] = tip.GetMedianTimePast(),
            ["verificationprogress"] = peers.VerificationProgress(tip),
            ["initialblockdownload"] = peers.IsInitialBlockDownload(tip),
            ["chainwork"] = BlockJson.ChainWorkHex(tip.ChainWork),
            ["size_on_disk"] = 0,
            ["pruned"] = false,
            ["warnings"] = new JsonArray(),
        };
    }

    private static string ChainName(string networkName) => networkName;

    private JsonNode BlockHash(RpcCall call)
    {
        var height = call.Params.GetInt64("height");
        if (height < 0 || height > ctx.Chain.Height) throw new RpcException(RpcErrorCode.InvalidParameter, "Block height out of range");
        return ctx.Chain.GetBlockHash((int)height)!.Value.ToString();
    }

    private Chain.BlockIndex RequireIndex(RpcCall call, string name, string notFound = "Block not found")
    {
        var hash = RpcHex.ParseHash(call.Params.GetString(name), name);
        return ctx.Chain.GetBlockIndex(hash) ?? throw new RpcException(RpcErrorCode.InvalidAddressOrKey, notFound);
    }

    private JsonNode? GetBlock(RpcCall call)
    {
        var index = RequireIndex(call, "blockhash");
        var verbosity = call.Params["verbosity"] switch
        {
            null => 1,
            JsonValue v when RpcParameters.JsonTypeName(v) == "bool" => v.GetValue<bool>() ? 1 : 0,
            JsonValue v when RpcParameters.JsonTypeName(v) == "number" => (int)call.Params.GetInt64("verbosity"),
            var other => throw new RpcException(RpcErrorCode.TypeError, $"JSON value of type {RpcParameters.JsonTypeName(other)} is not of expected type number"),
        };
        var block = ctx.Chain.GetBlock(index.Hash)
            ?? throw new RpcException(RpcErrorCode.MiscError, "Block not available (not fully downloaded)");
        if (verbosity <= 0) return block.ToHex();
        var json = BlockJson.Header(index, ctx.Chain);
        json["strippedsize"] = block.BaseSize;
        json["size"] = block.TotalSize;
        json["weight"] = block.Weight;
        var txs = new JsonArray();
        var fees = verbosity >= 2 ? TransactionFees(block) : null;
        for (int i = 0; i < block.Transactions.Length; i++)
        {
            var tx = block.Transactions[i];
            txs.Add(verbosity >= 2 ? TransactionJson.ToJson(tx, ctx.Chain.Network, includeHex: true, fee: fees?[i]) : JsonValue.Create(tx.TxId.ToString()));
        }
        json["tx"] = txs;
        return json;
    }

    /// <summary>
    /// Each transaction's fee from the block's undo data (coins from earlier blocks) and its own outputs (coins
    /// spent within the block), as Core's getblock verbosity 2 shows them; null where unknown (coinbase, no undo).
    /// </summary>
    private long?[]? TransactionFees(Block block)
    {
        if (!ctx.Chain.TryGetSpentCoins(block.Hash, out var spent)) return null;
        var values = new Dictionary<OutPoint, long>(spent.Length);
        foreach (var (outPoint, coin) in spent) values[outPoint] = coin.Output.Value.Satoshis;
        var fees = new long?[block.Transactions.Length];
        for (int i = 0; i < block.Transactions.Length; i++)
        {
            var tx = block.Transactions[i];
            if (i > 0)
            {
                long inputs = 0;
                bool known = true;
                foreach (var input in tx.Inputs)
                {
                    if (values.TryGetValue(input.PrevOut, out var value)) inputs += value;
                    else known = false;
                }
                if (known) fees[i] = inputs - tx.TotalOutputSatoshis;
            }
            for (int vout = 0; vout < tx.Outputs.Length; vout++)
                values[new OutPoint(tx.TxId, (uint)vout)] = tx.Outputs[vout].Value.Satoshis;
        }
        return fees;
    }

    private JsonNode GetBlockHeader(RpcCall call)
    {
        var index = RequireIndex(call, "blockhash", "Block not found");
        if (!call.Params.GetBoolean("verbose", true)) return Convert.ToHexStringLower(index.Header.ToBytes());
        return BlockJson.Header(index, ctx.Chain);
    }

    private JsonNode ChainTips()
    {
        var tips = new JsonArray();
        foreach (var tip in ctx.Chain.GetChainTips())
            tips.Add((JsonNode)new JsonObject { ["height"] = tip.Height, ["hash"] = tip.Hash.ToString(), ["branchlen"] = tip.BranchLength, ["status"] = tip.StatusText });
        return tips;
    }

    private JsonNode? Invalidate(RpcCall call, bool reconsider)
    {
        var index = RequireIndex(call, "blockhash");
        if (reconsider) ctx.Chain.ReconsiderBlock(index.Hash);
        else ctx.Chain.InvalidateBlock(index.Hash);
        ctx.Miner.FollowTip();
        return null;
    }
}
