using System.Text.Json.Nodes;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Dashboard;

public sealed partial class DashboardApi
{
    /// <summary>
    /// The drivechain content of a block (by height or hash), decoded by the same code as <c>decodedrivechainmessage</c>:
    /// coinbase messages (M1–M4, M7), M8 requests, treasury and deposit-address outputs, and the block's drivechain events
    /// when it is in the recent history. Null when the block is unknown.
    /// </summary>
    public JsonObject? BlockDetail(string id)
    {
        var block = FindBlock(id, out var height);
        if (block is null) return null;
        var messages = new JsonArray();
        for (var t = 0; t < block.Transactions.Length; t++)
        {
            var tx = block.Transactions[t];
            var decodedOutputs = tx.Outputs.Select(o => DrivechainJson.DecodeScript(o.ScriptPubKey)).ToArray();
            // An OP_RETURN push is a deposit address only beside a treasury output (M5); elsewhere (the witness
            // commitment, data carriers) it is not a drivechain message.
            var isDeposit = t > 0 && decodedOutputs.Any(d => d["type"]!.GetValue<string>() == "treasury");
            for (var vout = 0; vout < tx.Outputs.Length; vout++)
            {
                var decoded = decodedOutputs[vout];
                var type = decoded["type"]!.GetValue<string>();
                if (type == "none" || (type == "deposit_address" && !isDeposit)) continue;
                decoded["txid"] = tx.TxId.ToString();
                decoded["vout"] = vout;
                decoded["coinbase"] = t == 0;
                decoded["value"] = RpcAmount.ToJson(tx.Outputs[vout].Value);
                messages.Add(decoded);
            }
        }
        var snapshot = history.Find(block.Hash);
        return new JsonObject
        {
            ["height"] = height,
            ["hash"] = block.Hash.ToString(),
            ["previous_hash"] = block.Header.PreviousBlockHash.ToString(),
            ["time"] = block.Header.Time,
            ["tx_count"] = block.Transactions.Length,
            ["in_active_chain"] = node.Chain.IsInActiveChain(block.Hash),
            ["messages"] = messages,
            ["events"] = snapshot is null ? null : new JsonArray([.. snapshot.Events.Select(e => (JsonNode)DashboardJson.Event(e))]),
            ["m4"] = snapshot is null ? null : new JsonArray([.. snapshot.M4.Select(a => (JsonNode)DashboardJson.M4Action(a))]),
            ["bmm"] = snapshot is null ? null : new JsonArray([.. snapshot.Bmm.Select(w => (JsonNode)DashboardJson.Bmm(w))]),
        };
    }
}
