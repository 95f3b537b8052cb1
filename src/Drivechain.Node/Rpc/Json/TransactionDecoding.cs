using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Node.Rpc.Json;

/// <summary>
/// Core's DecodeHexTx: the extended (witness) serialization first, then the legacy one. The legacy fallback matters
/// for transactions with no inputs — blinded M6s — whose <c>00</c> input count reads like a segwit marker.
/// </summary>
public static class TransactionDecoding
{
    public static bool TryDecodeHex(string hex, [NotNullWhen(true)] out Transaction? tx)
    {
        tx = null;
        if (!RpcHex.IsHex(hex)) return false;
        if (Transaction.TryParseHex(hex, out tx, out _)) return true;
        return TryDecodeLegacyWithoutInputs(Convert.FromHexString(hex), out tx);
    }

    private static bool TryDecodeLegacyWithoutInputs(byte[] bytes, [NotNullWhen(true)] out Transaction? tx)
    {
        tx = null;
        var reader = new BitcoinReader(bytes);
        if (!reader.TryReadUInt32(out var version) || !reader.TryReadCompactSize(out var inputs) || inputs != 0) return false;
        if (!reader.TryReadCount(9, out var count)) return false;
        var outputs = ImmutableArray.CreateBuilder<TxOut>(count);
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryReadInt64(out var value) || !reader.TryReadVarBytes(out var script)) return false;
            outputs.Add(new TxOut(new Money(value), Script.CopyOf(script)));
        }
        if (!reader.TryReadUInt32(out var lockTime) || reader.Remaining != 0) return false;
        tx = new Transaction(version, [], outputs.MoveToImmutable(), lockTime);
        return true;
    }
}
