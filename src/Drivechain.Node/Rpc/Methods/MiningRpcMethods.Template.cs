using System.Globalization;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Rpc.Methods;

public sealed partial class MiningRpcMethods
{
    private JsonNode? BlockTemplate(RpcCall call)
    {
        var request = call.Params["template_request"] as JsonObject ?? [];
        var mode = request["mode"]?.GetValue<string>() ?? "template";
        if (mode == "proposal")
        {
            var data = request["data"]?.GetValue<string>() ?? throw new RpcException(RpcErrorCode.TypeError, "Missing data String key for proposal");
            if (!RpcHex.IsHex(data) || !Block.TryParse(Convert.FromHexString(data), out var proposed, out _))
                throw new RpcException(RpcErrorCode.DeserializationError, "Block decode failed");
            if (ctx.Chain.GetBlockIndex(proposed.Hash) is { } known) return known.IsFailed ? "duplicate-invalid" : "duplicate";
            if (proposed.Header.PreviousBlockHash != ctx.Chain.Tip.Hash) return "inconclusive-not-best-prevblk";
            return ctx.Chain.TestBlockValidity(proposed, scriptCache: ctx.Mempool)?.RpcResult;
        }
        if (mode != "template") throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid mode");
        var rules = request["rules"] as JsonArray;
        if (rules is null || !rules.Any(r => r?.GetValue<string>() == "segwit"))
            throw new RpcException(RpcErrorCode.InvalidParameter, "getblocktemplate must be called with the segwit rule set (call with {\"rules\": [\"segwit\"]})");

        // The coinbase destination is the caller's: validate the template with an anyone-can-spend placeholder.
        var template = ctx.Assembler.Create(new Script(new byte[] { (byte)OpcodeType.OP_1 }));
        var header = template.Block.Header;
        var transactions = new JsonArray();
        foreach (var t in template.Transactions)
        {
            var depends = new JsonArray();
            foreach (var d in t.Depends) depends.Add((JsonNode)d);
            transactions.Add((JsonNode)new JsonObject
            {
                ["data"] = t.Transaction.ToHex(),
                ["txid"] = t.Transaction.TxId.ToString(),
                ["hash"] = t.Transaction.WTxId.ToString(),
                ["depends"] = depends,
                ["fee"] = t.Fee,
                ["sigops"] = t.SigOpCost,
                ["weight"] = t.Transaction.Weight,
            });
        }
        var coinbaseOutputs = new JsonArray();
        foreach (var message in template.CoinbaseMessages)
            coinbaseOutputs.Add((JsonNode)new JsonObject { ["script"] = message.ToHex(), ["value"] = 0, ["asm"] = ScriptJson.ToAsm(message) });
        var json = new JsonObject
        {
            ["capabilities"] = new JsonArray("proposal"),
            ["version"] = header.Version,
            ["rules"] = new JsonArray("csv", "!segwit", "taproot"),
            ["vbavailable"] = new JsonObject(),
            ["vbrequired"] = 0,
            ["previousblockhash"] = header.PreviousBlockHash.ToString(),
            ["transactions"] = transactions,
            ["coinbaseaux"] = new JsonObject(),
            ["coinbasevalue"] = template.CoinbaseValue,
            ["longpollid"] = header.PreviousBlockHash + ctx.Mempool.Pool.Count.ToString(CultureInfo.InvariantCulture),
            ["target"] = BlockJson.TargetHex(header),
            ["mintime"] = template.MinTime,
            ["mutable"] = new JsonArray("time", "transactions", "prevblock"),
            ["noncerange"] = "00000000ffffffff",
            ["sigoplimit"] = 80000,
            ["sizelimit"] = 4000000,
            ["weightlimit"] = 4000000,
            ["curtime"] = header.Time,
            ["bits"] = header.Bits.ToString("x8", CultureInfo.InvariantCulture),
            ["height"] = template.Height,
        };
        if (template.WitnessCommitment is { } commitment) json["default_witness_commitment"] = commitment.ToHex();
        json["drivechain"] = new JsonObject
        {
            ["coinbase_outputs"] = coinbaseOutputs,
            ["note"] = "Append these outputs (value 0) to the coinbase after the reward output and before the witness commitment.",
        };
        return json;
    }
}
