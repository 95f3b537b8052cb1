using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Node.Rpc.Json;
using Drivechain.Node.Rpc.Signing;

namespace Drivechain.Node.Rpc.Methods;

public sealed partial class RawTransactionRpcMethods
{
    private static readonly Dictionary<string, int> SighashTypes = new(StringComparer.Ordinal)
    {
        ["DEFAULT"] = 0,
        ["ALL"] = 1,
        ["NONE"] = 2,
        ["SINGLE"] = 3,
        ["ALL|ANYONECANPAY"] = 0x81,
        ["NONE|ANYONECANPAY"] = 0x82,
        ["SINGLE|ANYONECANPAY"] = 0x83,
    };

    private static RpcMethod SignMethod(RpcHandler handler) => new("signrawtransactionwithkey", "Rawtransactions",
        [RpcArg.Req("hexstring", RpcArgType.Hex, "The transaction hex string"),
         RpcArg.Req("privkeys", RpcArgType.Array, "The base58-encoded private keys for signing"),
         RpcArg.Opt("prevtxs", RpcArgType.Array, "The previous dependent outputs: [{\"txid\",\"vout\",\"scriptPubKey\",\"redeemScript\",\"witnessScript\",\"amount\"},...]"),
         RpcArg.Opt("sighashtype", RpcArgType.String, "The signature hash type", "DEFAULT")],
        "Sign inputs for raw transaction (serialized, hex-encoded) with the given keys. Outputs not in prevtxs are looked up in the UTXO set and the mempool.",
        "{ \"hex\", \"complete\", \"errors\": [{\"txid\",\"vout\",\"witness\",\"scriptSig\",\"sequence\",\"error\"},...] }", handler);

    private ValueTask<JsonNode?> SignRawTransactionWithKey(RpcCall call, CancellationToken cancellationToken)
    {
        var hex = call.Params.GetString("hexstring");
        if (!TransactionDecoding.TryDecodeHex(hex, out var tx))
            throw new RpcException(RpcErrorCode.DeserializationError, "TX decode failed. Make sure the tx has at least one input.");

        var keys = new List<(byte[], bool)>();
        foreach (var node in call.Params.GetArray("privkeys"))
        {
            var text = node is JsonValue v && RpcParameters.JsonTypeName(v) == "string" ? v.GetValue<string>() : "";
            if (!WifKey.TryParse(text, network, out var key))
                throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Invalid private key");
            keys.Add((key.Secret.ToArray(), key.IsCompressed));
        }

        var hashTypeName = call.Params.GetOptionalString("sighashtype") ?? "DEFAULT";
        if (!SighashTypes.TryGetValue(hashTypeName, out var hashType))
            throw new RpcException(RpcErrorCode.InvalidParameter, $"'{hashTypeName}' is not a valid sighash parameter.");

        var given = new Dictionary<OutPoint, TxOut>();
        var scripts = new List<Script>();
        if (call.Params["prevtxs"] is JsonArray prevtxs)
        {
            foreach (var node in prevtxs)
            {
                if (node is not JsonObject prev) throw new RpcException(RpcErrorCode.DeserializationError, "expected object with {\"txid'\",\"vout\",\"scriptPubKey\"}");
                var txid = RpcHex.ParseHash(prev["txid"]?.GetValue<string>() ?? "", "txid");
                var voutNode = prev["vout"];
                if (voutNode is null || RpcParameters.JsonTypeName(voutNode) != "number" || voutNode.GetValue<long>() < 0)
                    throw new RpcException(RpcErrorCode.DeserializationError, "vout cannot be negative");
                var scriptPubKey = new Script(RpcHex.ParseHex(prev["scriptPubKey"]?.GetValue<string>() ?? "", "scriptPubKey"));
                var amount = prev["amount"] is { } a ? RpcAmount.FromJson(a) : 0;
                given[new OutPoint(txid, (uint)voutNode.GetValue<long>())] = new TxOut(new Money(amount), scriptPubKey);
                if (prev["redeemScript"] is { } redeem) scripts.Add(new Script(RpcHex.ParseHex(redeem.GetValue<string>(), "redeemScript")));
                if (prev["witnessScript"] is { } witness) scripts.Add(new Script(RpcHex.ParseHex(witness.GetValue<string>(), "witnessScript")));
            }
        }

        var spent = tx.Inputs.Select(i => given.TryGetValue(i.PrevOut, out var o) ? o : coins.Find(i.PrevOut)).ToList();
        var result = new TransactionSigner(secp).Sign(tx, spent, keys, scripts, hashType);

        var json = new JsonObject { ["hex"] = result.Transaction.ToHex(), ["complete"] = result.Complete };
        if (!result.Complete)
        {
            var errors = new JsonArray();
            foreach (var (index, error) in result.Errors)
            {
                var input = result.Transaction.Inputs[index];
                var witness = new JsonArray();
                foreach (var item in input.Witness.Items) witness.Add((JsonNode)Convert.ToHexStringLower(item.Span));
                errors.Add((JsonNode)new JsonObject
                {
                    ["txid"] = input.PrevOut.TxId.ToString(),
                    ["vout"] = input.PrevOut.Index,
                    ["witness"] = witness,
                    ["scriptSig"] = input.ScriptSig.ToHex(),
                    ["sequence"] = input.Sequence,
                    ["error"] = error,
                });
            }
            json["errors"] = errors;
        }
        return ValueTask.FromResult<JsonNode?>(json);
    }
}
