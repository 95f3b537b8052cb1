using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;
using Drivechain.Bitcoin.Validation;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Rpc.Methods;

/// <summary>
/// gettxoutsetinfo with Core's <c>hash_serialized_3</c>: SHA-256d over every coin in Core's order, each serialised as
/// Core's TxOutSer (outpoint, <c>height·2 + coinbase</c> as uint32, amount, script with its compact size), so the value
/// equals Bitcoin Core's for the same UTXO set.
/// </summary>
public sealed class UtxoSetRpcMethods(NodeRpcContext ctx) : IRpcMethodProvider
{
    public IEnumerable<RpcMethod> GetMethods()
    {
        yield return new RpcMethod("gettxoutsetinfo", "Blockchain",
            [RpcArg.Opt("hash_type", RpcArgType.String, "Which UTXO set hash should be calculated. Options: 'hash_serialized_3' (the legacy algorithm), 'none'.", "hash_serialized_3")],
            "Returns statistics about the unspent transaction output set. Note this call may take some time.",
            "{ \"height\", \"bestblock\", \"txouts\", \"bogosize\", \"hash_serialized_3\", \"total_amount\", \"transactions\", \"disk_size\" }",
            (call, ct) => ctx.LockedAsync(() => Info(call), ct));
    }

    private JsonObject Info(RpcCall call)
    {
        var hashType = call.Params.GetOptionalString("hash_type") ?? "hash_serialized_3";
        if (hashType is not ("hash_serialized_3" or "none"))
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, hashType == "muhash"
                ? "hash_type muhash is not supported by this node (use hash_serialized_3)"
                : $"'{hashType}' is not a valid hash_type");
        }
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long outputs = 0, bogoSize = 0, total = 0, transactions = 0;
        UInt256? lastTxId = null;
        var buffer = new byte[32 + 4 + 4 + 8 + 9];
        var (bestBlock, height) = ctx.Chain.VisitUtxoSet(entry =>
        {
            var script = entry.Coin.Output.ScriptPubKey;
            if (lastTxId != entry.OutPoint.TxId)
            {
                transactions++;
                lastTxId = entry.OutPoint.TxId;
            }
            outputs++;
            total += entry.Coin.Output.Value.Satoshis;
            bogoSize += 32 + 4 + 4 + 8 + 2 + script.Length;   // Core's GetBogoSize
            if (hashType == "none") return;
            hasher.AppendData(buffer, 0, Serialize(entry, buffer));
            hasher.AppendData(script.Span);
        });
        var result = new JsonObject
        {
            ["height"] = height,
            ["bestblock"] = bestBlock.ToString(),
            ["txouts"] = outputs,
            ["bogosize"] = bogoSize,
        };
        if (hashType == "hash_serialized_3")
        {
            Span<byte> digest = stackalloc byte[32];
            hasher.GetHashAndReset(digest);
            result["hash_serialized_3"] = Hashes.Sha256(digest).ToString();
        }
        result["total_amount"] = RpcAmount.ToJson(total);
        result["transactions"] = transactions;
        result["disk_size"] = 0;
        return result;
    }

    /// <summary>Core's TxOutSer up to the script bytes: outpoint, code, amount, script length; returns the bytes written.</summary>
    private static int Serialize(CoinEntry entry, Span<byte> buffer)
    {
        entry.OutPoint.TxId.WriteTo(buffer);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer[32..], entry.OutPoint.Index);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer[36..], ((uint)entry.Coin.Height << 1) | (entry.Coin.IsCoinbase ? 1u : 0u));
        BinaryPrimitives.WriteInt64LittleEndian(buffer[40..], entry.Coin.Output.Value.Satoshis);
        var writer = new BitcoinWriter(buffer[48..]);
        writer.WriteCompactSize((ulong)entry.Coin.Output.ScriptPubKey.Length);
        return 48 + BitcoinWriter.CompactSizeLength((ulong)entry.Coin.Output.ScriptPubKey.Length);
    }
}
