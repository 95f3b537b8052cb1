using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Rpc.Methods;

/// <summary>Pure raw-transaction RPCs: decoderawtransaction, decodescript, createrawtransaction.</summary>
public sealed partial class RawTransactionRpcMethods(Network network, ISecp256k1 secp, ISpendableOutputs coins) : IRpcMethodProvider
{
    public IEnumerable<RpcMethod> GetMethods()
    {
        yield return new RpcMethod("decoderawtransaction", "Rawtransactions",
            [RpcArg.Req("hexstring", RpcArgType.Hex, "The transaction hex string"),
             RpcArg.Opt("iswitness", RpcArgType.Boolean, "Whether the transaction hex is a serialized witness transaction", "depends on heuristic tests")],
            "Return a JSON object representing the serialized, hex-encoded transaction.",
            "{ \"txid\", \"hash\", \"version\", \"size\", \"vsize\", \"weight\", \"locktime\", \"vin\": [...], \"vout\": [...] }", DecodeRawTransaction);
        yield return new RpcMethod("decodescript", "Rawtransactions",
            [RpcArg.Req("hexstring", RpcArgType.Hex, "the hex-encoded script")],
            "Decode a hex-encoded script.",
            "{ \"asm\", \"desc\", \"type\", \"address\", \"p2sh\", \"segwit\": {...} }", DecodeScript);
        yield return new RpcMethod("createrawtransaction", "Rawtransactions",
            [RpcArg.Req("inputs", RpcArgType.Array, "The inputs: [{\"txid\":\"hex\",\"vout\":n,\"sequence\":n},...]"),
             RpcArg.Req("outputs", RpcArgType.Any, "The outputs: [{\"address\":amount},{\"data\":\"hex\"},{\"treasury:S\":amount},{\"script:hex\":amount},...] or one object with those keys"),
             RpcArg.Opt("locktime", RpcArgType.Number, "Raw locktime. Non-0 value also locktime-activates inputs", "0"),
             RpcArg.Opt("replaceable", RpcArgType.Boolean, "Marks this transaction as BIP125-replaceable", "false")],
            "Create a transaction spending the given inputs and creating new outputs (unsigned, not stored or broadcast). " +
            "Drivechain extension: the output key \"treasury:S\" creates the treasury output OP_DRIVECHAIN <S> OP_TRUE for slot S " +
            "and \"script:<hex>\" any raw scriptPubKey; \"data\" creates the OP_RETURN push used as a deposit address.",
            "\"hex\"    (string) hex string of the transaction", CreateRawTransaction);
        yield return SignMethod(SignRawTransactionWithKey);
    }

    private ValueTask<JsonNode?> DecodeRawTransaction(RpcCall call, CancellationToken cancellationToken)
    {
        var hex = call.Params.GetString("hexstring");
        if (!TransactionDecoding.TryDecodeHex(hex, out var tx))
            throw new RpcException(RpcErrorCode.DeserializationError, "TX decode failed");
        return ValueTask.FromResult<JsonNode?>(TransactionJson.ToJson(tx, network, includeHex: false));
    }

    private ValueTask<JsonNode?> DecodeScript(RpcCall call, CancellationToken cancellationToken)
    {
        var hex = call.Params.GetString("hexstring");
        var script = hex.Length == 0 ? Script.Empty : new Script(RpcHex.ParseHex(hex, "argument"));
        var json = ScriptJson.ScriptPubKey(script, network, includeHex: false);
        var kind = script.GetTemplate().Kind;

        // Core shows the P2SH wrapping unless the script already is P2SH/segwit or cannot be a redeem script.
        var canWrapP2sh = kind is ScriptTemplateKind.Multisig or ScriptTemplateKind.NonStandard or ScriptTemplateKind.PubKey
            or ScriptTemplateKind.PubKeyHash or ScriptTemplateKind.WitnessV0KeyHash or ScriptTemplateKind.WitnessV0ScriptHash;
        if (canWrapP2sh && !ContainsOp(script, OpcodeType.OP_CHECKSIGADD))
            json["p2sh"] = Address.PayToScriptHash(Hashes.Hash160(script.Span), network).Text;

        var canWrapP2wsh = kind is ScriptTemplateKind.Multisig or ScriptTemplateKind.NonStandard or ScriptTemplateKind.PubKey
            or ScriptTemplateKind.PubKeyHash;
        if (canWrapP2wsh && !ContainsOp(script, OpcodeType.OP_CHECKSIGADD) && !HasUncompressedKey(script))
        {
            Script segwitScript;
            if (kind == ScriptTemplateKind.PubKeyHash)
                segwitScript = new ScriptBuilder().Op(OpcodeType.OP_0).Push(script.Span.Slice(3, 20)).ToScript();
            else if (kind == ScriptTemplateKind.PubKey)
                segwitScript = new ScriptBuilder().Op(OpcodeType.OP_0).Push(Hashes.Hash160(script.GetTemplate().Data.Span).ToBytes()).ToScript();
            else
                segwitScript = new ScriptBuilder().Op(OpcodeType.OP_0).Push(Hashes.Sha256(script.Span).ToBytes()).ToScript();
            var segwit = ScriptJson.ScriptPubKey(segwitScript, network);
            segwit["p2sh-segwit"] = Address.PayToScriptHash(Hashes.Hash160(segwitScript.Span), network).Text;
            json["segwit"] = segwit;
        }
        return ValueTask.FromResult<JsonNode?>(json);
    }

    private ValueTask<JsonNode?> CreateRawTransaction(RpcCall call, CancellationToken cancellationToken)
    {
        var locktime = call.Params.GetOptionalInt64("locktime") ?? 0;
        if (locktime is < 0 or > uint.MaxValue)
            throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, locktime out of range");
        var replaceable = call.Params.GetBoolean("replaceable", false);
        var inputs = ParseInputs(call.Params.GetArray("inputs"), (uint)locktime, replaceable);
        var outputs = ParseOutputs(call.Params["outputs"], network);
        var tx = new Transaction(2, inputs, outputs, (uint)locktime);
        return ValueTask.FromResult<JsonNode?>(tx.ToHex());
    }

    internal static ImmutableArray<TxIn> ParseInputs(JsonArray inputs, uint locktime, bool replaceable)
    {
        var result = ImmutableArray.CreateBuilder<TxIn>(inputs.Count);
        foreach (var node in inputs)
        {
            if (node is not JsonObject input) throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, expected object");
            var txidNode = input["txid"];
            if (txidNode is null || RpcParameters.JsonTypeName(txidNode) != "string")
                throw new RpcException(RpcErrorCode.InvalidParameter, "txid must be hexadecimal string (not '')");
            var txid = RpcHex.ParseHash(txidNode.GetValue<string>(), "txid");
            var voutNode = input["vout"];
            if (voutNode is null || RpcParameters.JsonTypeName(voutNode) != "number")
                throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, missing vout key");
            var vout = voutNode.GetValue<double>();
            if (vout < 0) throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, vout cannot be negative");
            if (vout > uint.MaxValue || vout != Math.Floor(vout)) throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, vout out of range");
            uint sequence = replaceable ? 0xfffffffd : locktime != 0 ? 0xfffffffe : 0xffffffff;
            if (input["sequence"] is { } sequenceNode)
            {
                if (RpcParameters.JsonTypeName(sequenceNode) != "number" || sequenceNode.GetValue<double>() is < 0 or > uint.MaxValue)
                    throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, sequence number is out of range");
                sequence = (uint)sequenceNode.GetValue<double>();
            }
            result.Add(new TxIn(new OutPoint(txid, (uint)vout), Script.Empty, sequence, Witness.Empty));
        }
        return result.MoveToImmutable();
    }

    internal static ImmutableArray<TxOut> ParseOutputs(JsonNode? outputsNode, Network network)
    {
        var pairs = new List<(string Key, JsonNode? Value)>();
        switch (outputsNode)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj) pairs.Add((key, value));
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not JsonObject one || one.Count != 1)
                        throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, key-value pair must contain exactly one key");
                    var (key, value) = one.First();
                    pairs.Add((key, value));
                }
                break;
            default:
                throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, key-value pair not an object as expected");
        }
        if (pairs.Count == 0) throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, output argument must be non-null");

        var outputs = ImmutableArray.CreateBuilder<TxOut>(pairs.Count);
        var seenAddresses = new HashSet<string>(StringComparer.Ordinal);
        var hasData = false;
        foreach (var (key, value) in pairs)
        {
            if (key == "data")
            {
                if (hasData) throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, duplicate key: data");
                hasData = true;
                var hex = value is JsonValue v && RpcParameters.JsonTypeName(v) == "string" ? v.GetValue<string>() : "";
                var data = RpcHex.ParseHex(hex, "Data");
                outputs.Add(new TxOut(Money.Zero, new ScriptBuilder().Op(OpcodeType.OP_RETURN).Push(data).ToScript()));
                continue;
            }
            if (key.StartsWith("treasury:", StringComparison.Ordinal))
            {
                if (!byte.TryParse(key.AsSpan("treasury:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var slot))
                    throw new RpcException(RpcErrorCode.InvalidParameter, $"Invalid parameter, treasury slot must be 0..255: {key}");
                outputs.Add(new TxOut(new Money(RpcAmount.FromJson(value)), TreasuryScript.Create(slot)));
                continue;
            }
            if (key.StartsWith("script:", StringComparison.Ordinal))
            {
                var script = new Script(RpcHex.ParseHex(key["script:".Length..], "script"));
                outputs.Add(new TxOut(new Money(RpcAmount.FromJson(value)), script));
                continue;
            }
            if (!Address.TryParse(key, network, out var address))
                throw new RpcException(RpcErrorCode.InvalidAddressOrKey, $"Invalid Bitcoin address: {key}");
            if (!seenAddresses.Add(address.Text))
                throw new RpcException(RpcErrorCode.InvalidParameter, $"Invalid parameter, duplicated address: {key}");
            outputs.Add(new TxOut(new Money(RpcAmount.FromJson(value)), address.ScriptPubKey));
        }
        return outputs.MoveToImmutable();
    }

    private static bool ContainsOp(Script script, OpcodeType opcode)
    {
        var reader = new ScriptReader(script.Span);
        while (reader.TryRead(out var op))
            if (op.Opcode == opcode) return true;
        return false;
    }

    private static bool HasUncompressedKey(Script script)
    {
        var reader = new ScriptReader(script.Span);
        while (reader.TryRead(out var op))
            if (op.Data.Length == 65) return true;
        return false;
    }
}
