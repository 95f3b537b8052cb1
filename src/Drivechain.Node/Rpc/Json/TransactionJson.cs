using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Rpc.Json;

/// <summary>Core's TxToUniv: the decoded transaction object of decoderawtransaction, getrawtransaction and getblock.</summary>
public static class TransactionJson
{
    /// <summary>The decoded object; <paramref name="fee"/> (satoshis) is shown when known (getblock verbosity 2).</summary>
    public static JsonObject ToJson(Transaction tx, Network network, bool includeHex, long? fee = null)
    {
        var vin = new JsonArray();
        foreach (var input in tx.Inputs)
        {
            var entry = new JsonObject();
            if (tx.IsCoinbase)
            {
                entry["coinbase"] = input.ScriptSig.ToHex();
            }
            else
            {
                entry["txid"] = input.PrevOut.TxId.ToString();
                entry["vout"] = input.PrevOut.Index;
                entry["scriptSig"] = new JsonObject
                {
                    ["asm"] = ScriptJson.ToAsm(input.ScriptSig, attemptSighashDecode: true),
                    ["hex"] = input.ScriptSig.ToHex(),
                };
            }
            if (input.Witness.Count > 0)
            {
                var witness = new JsonArray();
                foreach (var item in input.Witness.Items) witness.Add((JsonNode)Convert.ToHexStringLower(item.Span));
                entry["txinwitness"] = witness;
            }
            entry["sequence"] = input.Sequence;
            vin.Add((JsonNode)entry);
        }

        var vout = new JsonArray();
        for (var n = 0; n < tx.Outputs.Length; n++)
        {
            var output = tx.Outputs[n];
            vout.Add((JsonNode)new JsonObject
            {
                ["value"] = RpcAmount.ToJson(output.Value),
                ["n"] = n,
                ["scriptPubKey"] = ScriptJson.ScriptPubKey(output.ScriptPubKey, network),
            });
        }

        var json = new JsonObject
        {
            ["txid"] = tx.TxId.ToString(),
            ["hash"] = tx.WTxId.ToString(),
            ["version"] = (int)tx.Version,
            ["size"] = tx.TotalSize,
            ["vsize"] = tx.VirtualSize,
            ["weight"] = tx.Weight,
            ["locktime"] = tx.LockTime,
            ["vin"] = vin,
            ["vout"] = vout,
        };
        if (fee is { } f) json["fee"] = RpcAmount.ToJson(f);
        if (includeHex) json["hex"] = tx.ToHex();
        return json;
    }
}
