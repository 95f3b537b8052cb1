using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Node.Chain;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Rpc.Methods;

/// <summary>Mining RPCs: generatetoaddress, generatetodescriptor, generateblock, getblocktemplate, submitblock, getmininginfo.</summary>
public sealed partial class MiningRpcMethods(NodeRpcContext ctx) : IRpcMethodProvider
{
    private const long DefaultMaxTries = 1_000_000;

    public IEnumerable<RpcMethod> GetMethods()
    {
        yield return new RpcMethod("generatetoaddress", "Generating",
            [RpcArg.Req("nblocks", RpcArgType.Number, "How many blocks are generated."),
             RpcArg.Req("address", RpcArgType.String, "The address to send the newly generated bitcoin to."),
             RpcArg.Opt("maxtries", RpcArgType.Number, "How many iterations to try.", "1000000")],
            "Mine to a specified address and return the block hashes. Blocks carry the drivechain messages of the miner policy.",
            "[\"hex\", ...]    hashes of blocks generated", (call, ct) => GenerateAsync(call, () => ParseAddress(call.Params.GetString("address")), ct));
        yield return new RpcMethod("generatetodescriptor", "Generating",
            [RpcArg.Req("num_blocks", RpcArgType.Number, "How many blocks are generated."),
             RpcArg.Req("descriptor", RpcArgType.String, "The descriptor to send the newly generated bitcoin to: addr(ADDRESS) or raw(HEX), optionally with #checksum."),
             RpcArg.Opt("maxtries", RpcArgType.Number, "How many iterations to try.", "1000000")],
            "Mine to a specified descriptor and return the block hashes.",
            "[\"hex\", ...]    hashes of blocks generated", (call, ct) => GenerateAsync(call, () => ParseDescriptor(call.Params.GetString("descriptor")), ct));
        yield return new RpcMethod("generateblock", "Generating",
            [RpcArg.Req("output", RpcArgType.String, "The address or descriptor to send the newly generated bitcoin to."),
             RpcArg.Req("transactions", RpcArgType.Array, "An array of hex strings which are either txids or raw transactions. Txids must reference transactions currently in the mempool."),
             RpcArg.Opt("submit", RpcArgType.Boolean, "Whether to submit the block before the RPC call returns or to return it as hex.", "true")],
            "Mine a set of ordered transactions to a specified address or descriptor and return the block hash.",
            "{ \"hash\", \"hex\" }", (call, ct) => ctx.LockedAsync(() => GenerateBlock(call), ct));
        yield return new RpcMethod("submitblock", "Mining",
            [RpcArg.Req("hexdata", RpcArgType.Hex, "the hex-encoded block data to submit"), RpcArg.Opt("dummy", RpcArgType.String, "dummy value, for compatibility with BIP22. This value is ignored.", "ignored")],
            "Attempts to submit new block to network.", "null or \"str\"    BIP22 result: null when accepted, else a reason",
            (call, ct) => ctx.LockedAsync(() => SubmitBlock(call), ct));
        yield return new RpcMethod("getblocktemplate", "Mining",
            [RpcArg.Opt("template_request", RpcArgType.Object, "Format of the template: {\"mode\": \"template\"|\"proposal\", \"rules\": [\"segwit\"], \"data\": \"hex\"}", "{}")],
            "Returns data needed to construct a block to work on (BIP22/23), including the drivechain coinbase outputs the block must carry.",
            "{ \"version\", \"rules\", \"previousblockhash\", \"transactions\", \"coinbasevalue\", \"target\", \"curtime\", \"bits\", \"height\", \"default_witness_commitment\", \"drivechain\": {...} }",
            (call, ct) => ctx.LockedAsync(() => BlockTemplate(call), ct));
        yield return new RpcMethod("getmininginfo", "Mining", [], "Returns a json object containing mining-related information.",
            "{ \"blocks\", \"difficulty\", \"networkhashps\", \"pooledtx\", \"chain\", \"warnings\" }", (_, ct) => ctx.LockedAsync(MiningInfo, ct));
    }

    private Script ParseAddress(string text) =>
        Address.TryParse(text, ctx.Chain.Network, out var address)
            ? address.ScriptPubKey
            : throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Error: Invalid address");

    /// <summary>addr(ADDRESS) and raw(HEX) descriptors (the only ones that need no keys), with an optional checksum.</summary>
    internal Script ParseDescriptor(string text)
    {
        if (!DescriptorChecksum.TryStrip(text, out var descriptor, out var checksumError))
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, checksumError!);
        if (descriptor.StartsWith("addr(", StringComparison.Ordinal) && descriptor.EndsWith(')'))
        {
            var inner = descriptor[5..^1];
            return Address.TryParse(inner, ctx.Chain.Network, out var address)
                ? address.ScriptPubKey
                : throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Address is not valid");
        }
        if (descriptor.StartsWith("raw(", StringComparison.Ordinal) && descriptor.EndsWith(')'))
        {
            var hex = descriptor[4..^1];
            return RpcHex.IsHex(hex) && hex.Length > 0
                ? new Script(Convert.FromHexString(hex))
                : throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Raw script is not hex");
        }
        throw new RpcException(RpcErrorCode.InvalidAddressOrKey, $"'{descriptor}' is not a supported descriptor: only addr() and raw() need no keys");
    }

    /// <summary>
    /// generatetoaddress / generatetodescriptor: the chain lock is taken once per block, not for the whole call, so reads
    /// and other submissions proceed between the blocks of a long generate.
    /// </summary>
    private async ValueTask<JsonNode?> GenerateAsync(RpcCall call, Func<Script> parsePayTo, CancellationToken cancellationToken)
    {
        var count = call.Params.GetInt64(call.Method.Args[0].Name);
        var maxTries = call.Params.GetOptionalInt64("maxtries") ?? DefaultMaxTries;
        Script payTo = default;
        await ctx.LockedAsync(() => { payTo = parsePayTo(); return null; }, cancellationToken);
        var hashes = new JsonArray();
        for (var i = 0; i < count && maxTries > 0; i++)
        {
            Block? block = null;
            await ctx.LockedAsync(() => { block = ctx.Miner.MineOne(payTo, maxTries); return null; }, cancellationToken);
            if (block is null) break;
            hashes.Add((JsonNode)block.Hash.ToString());
        }
        return hashes;
    }

    private JsonObject GenerateBlock(RpcCall call)
    {
        var output = call.Params.GetString("output");
        var payTo = Address.TryParse(output, ctx.Chain.Network, out var address) ? address.ScriptPubKey : ParseDescriptorForGenerateBlock(output);
        var txs = new List<Transaction>();
        foreach (var node in call.Params.GetArray("transactions"))
        {
            var text = node is JsonValue v && RpcParameters.JsonTypeName(v) == "string" ? v.GetValue<string>() : "";
            if (text.Length == 64 && RpcHex.IsHex(text))
            {
                var txid = UInt256.Parse(text);
                if (!ctx.Mempool.Pool.TryGet(txid, out var entry))
                    throw new RpcException(RpcErrorCode.InvalidAddressOrKey, $"Transaction {text} not in mempool.");
                txs.Add(entry.Transaction);
            }
            else if (RpcHex.IsHex(text) && Transaction.TryParseHex(text, out var tx, out _))
            {
                txs.Add(tx);
            }
            else
            {
                throw new RpcException(RpcErrorCode.DeserializationError, $"Transaction decode failed for {text}. Make sure the tx has at least one input.");
            }
        }
        var submit = call.Params.GetBoolean("submit", true);
        Block? block;
        try
        {
            block = ctx.Miner.MineOne(payTo, DefaultMaxTries, txs, submit);
        }
        catch (InvalidOperationException e)
        {
            throw new RpcException(RpcErrorCode.VerifyError, $"TestBlockValidity failed: {e.Message}");
        }
        if (block is null) throw new RpcException(RpcErrorCode.MiscError, "Failed to make block.");
        var json = new JsonObject { ["hash"] = block.Hash.ToString() };
        if (!submit) json["hex"] = block.ToHex();
        return json;
    }

    private Script ParseDescriptorForGenerateBlock(string output)
    {
        try
        {
            return ParseDescriptor(output);
        }
        catch (RpcException)
        {
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Error: Invalid address or descriptor");
        }
    }

    private JsonNode? SubmitBlock(RpcCall call)
    {
        var hex = call.Params.GetString("hexdata");
        if (!RpcHex.IsHex(hex) || !Block.TryParse(Convert.FromHexString(hex), out var block, out _))
            throw new RpcException(RpcErrorCode.DeserializationError, "Block decode failed");
        if (block.Transactions.IsEmpty || !block.Transactions[0].IsCoinbase)
            throw new RpcException(RpcErrorCode.DeserializationError, "Block does not start with a coinbase");
        var knownInvalid = ctx.Chain.GetBlockIndex(block.Hash)?.IsFailed == true;
        return ctx.Miner.Submit(block) switch
        {
            SubmitOutcome.Accepted => null,
            SubmitOutcome.Duplicate => "duplicate",
            SubmitOutcome.Rejected when knownInvalid => "duplicate-invalid",
            SubmitOutcome.Rejected r => r.Rejection.RpcResult,
            _ => "inconclusive",
        };
    }

    private JsonNode MiningInfo()
    {
        var chain = ctx.Chain;
        return new JsonObject
        {
            ["blocks"] = chain.Height,
            ["difficulty"] = BlockJson.Difficulty(chain.Tip.Header.Bits),
            ["networkhashps"] = 0,
            ["pooledtx"] = ctx.Mempool.Pool.Count,
            ["chain"] = chain.Network.Name,
            ["warnings"] = new JsonArray(),
        };
    }
}
