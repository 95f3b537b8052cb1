using System.Buffers.Binary;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Cli.Decoding;

/// <summary>The M6ID of spec §4.7.2: sha256d of the blinded M6 (no inputs, output 0 replaced by the fee output).</summary>
internal static class M6IdCalculator
{
    /// <summary>Computes the M6ID of <paramref name="m6"/> spending a CTIP worth <paramref name="ctipValue"/>; false with a reason.</summary>
    public static bool TryCompute(Transaction m6, long ctipValue, out UInt256 m6Id, out string? error)
    {
        m6Id = default;
        if (m6.Outputs.IsEmpty) { error = "the transaction has no outputs (an M6 has the treasury at output 0)"; return false; }
        if (ctipValue < 0 || ctipValue > Money.MaxMoney.Satoshis) { error = $"the CTIP value {ctipValue} is out of range"; return false; }
        long payouts = 0;
        for (int i = 1; i < m6.Outputs.Length; i++) payouts += m6.Outputs[i].Value.Satoshis;
        var fee = ctipValue - m6.Outputs[0].Value.Satoshis - payouts;
        if (fee < 0)
        {
            error = $"outputs ({m6.Outputs[0].Value.Satoshis + payouts} sat) exceed the CTIP value ({ctipValue} sat): M6_INSUFFICIENT_TREASURY";
            return false;
        }
        var size = 4 + 1 + BitcoinWriter.CompactSizeLength((ulong)m6.Outputs.Length) + 8 + 1 + 10 + 4;
        for (int i = 1; i < m6.Outputs.Length; i++) size += 8 + BitcoinWriter.VarBytesLength(m6.Outputs[i].ScriptPubKey.Length);
        var buffer = new byte[size];
        var writer = new BitcoinWriter(buffer);
        writer.WriteUInt32(m6.Version);
        writer.WriteCompactSize(0);
        writer.WriteCompactSize((ulong)m6.Outputs.Length);
        writer.WriteInt64(0);
        var feeScript = new byte[10];
        feeScript[0] = 0x6a;
        feeScript[1] = 0x08;
        BinaryPrimitives.WriteInt64BigEndian(feeScript.AsSpan(2), fee);
        writer.WriteVarBytes(feeScript);
        for (int i = 1; i < m6.Outputs.Length; i++)
        {
            writer.WriteInt64(m6.Outputs[i].Value.Satoshis);
            writer.WriteVarBytes(m6.Outputs[i].ScriptPubKey.Span);
        }
        writer.WriteUInt32(m6.LockTime);
        m6Id = Hashes.Sha256d(buffer);
        error = null;
        return true;
    }
}
