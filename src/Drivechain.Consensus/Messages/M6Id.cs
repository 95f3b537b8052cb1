using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Consensus.Messages;

/// <summary>
/// The identifier of a withdrawal bundle: the txid of the blinded M6 (spec §4.7.2), internal order.
/// </summary>
/// <param name="Hash">sha256d of the blinded serialization.</param>
public readonly record struct M6Id(UInt256 Hash)
{
    /// <summary>
    /// Computes the M6ID of <paramref name="m6"/> (treasury output at index 0) that spends a CTIP worth
    /// <paramref name="treasuryBefore"/>. Returns null — the error value — when F_total would be negative
    /// (outputs exceed the treasury: M6_INSUFFICIENT_TREASURY) or the transaction has no outputs.
    /// </summary>
    public static M6Id? Compute(Transaction m6, Money treasuryBefore) =>
        TryCompute(m6, treasuryBefore, out var id, out _) ? id : null;

    /// <summary>As <see cref="Compute"/>, also giving F_total; false when F_total is negative.</summary>
    public static bool TryCompute(Transaction m6, Money treasuryBefore, out M6Id id, out Money feeTotal)
    {
        id = default;
        feeTotal = default;
        var outputs = m6.Outputs;
        if (outputs.IsEmpty) return false;
        Int128 payouts = 0;
        for (int i = 1; i < outputs.Length; i++) payouts += outputs[i].Value.Satoshis;
        Int128 fee = (Int128)treasuryBefore.Satoshis - outputs[0].Value.Satoshis - payouts;
        if (fee < 0 || fee > long.MaxValue) return false;
        feeTotal = new Money((long)fee);

        // Legacy serialization of the blinded form: version ‖ 00 ‖ outputs (output 0 replaced) ‖ lock time.
        int size = 4 + 1 + BitcoinWriter.CompactSizeLength((ulong)outputs.Length) + 8 + 1 + FeeScriptLength + 4;
        for (int i = 1; i < outputs.Length; i++) size += outputs[i].SerializedSize;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var writer = new BitcoinWriter(buffer);
            writer.WriteUInt32(m6.Version);
            writer.WriteCompactSize(0);
            writer.WriteCompactSize((ulong)outputs.Length);
            writer.WriteInt64(0);
            writer.WriteByte(FeeScriptLength);
            writer.WriteByte(0x6a);
            writer.WriteByte(0x08);
            writer.WriteUInt64(BinaryPrimitives.ReverseEndianness((ulong)feeTotal.Satoshis)); // 8-byte big-endian
            for (int i = 1; i < outputs.Length; i++)
            {
                writer.WriteInt64(outputs[i].Value.Satoshis);
                writer.WriteVarBytes(outputs[i].ScriptPubKey.Span);
            }
            writer.WriteUInt32(m6.LockTime);
            id = new M6Id(Hashes.Sha256d(writer.Written));
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The blinded M6 (no inputs, output 0 = <c>6a 08 &lt;F_total BE&gt;</c> value 0); its txid is the M6ID.</summary>
    public static Transaction CreateBlinded(Transaction m6, Money feeTotal)
    {
        var outputs = m6.Outputs.ToBuilder();
        outputs[0] = new TxOut(Money.Zero, FeeScript(feeTotal));
        return new Transaction(m6.Version, [], outputs.MoveToImmutable(), m6.LockTime);
    }

    /// <summary>The M6ID of a transaction already in blinded form (its txid).</summary>
    public static M6Id OfBlinded(Transaction blinded) => new(blinded.TxId);

    /// <summary>
    /// Turns a blinded M6 into the real M6 spending <paramref name="ctip"/>: one input (empty scriptSig,
    /// sequence ffffffff), output 0 = the treasury output of <paramref name="slot"/> holding the remainder.
    /// </summary>
    public static Transaction Unblind(Transaction blinded, byte slot, OutPoint ctip, Money treasuryBefore)
    {
        var outputs = blinded.Outputs;
        var feeScript = outputs[0].ScriptPubKey.Span;
        long fee = feeScript.Length == FeeScriptLength ? BinaryPrimitives.ReadInt64BigEndian(feeScript[2..]) : 0;
        long payouts = 0;
        for (int i = 1; i < outputs.Length; i++) payouts += outputs[i].Value.Satoshis;
        var builder = outputs.ToBuilder();
        builder[0] = new TxOut(new Money(treasuryBefore.Satoshis - payouts - fee), TreasuryScript.Create(slot));
        return new Transaction(blinded.Version, [new TxIn(ctip, Script.Empty)], builder.MoveToImmutable(), blinded.LockTime);
    }

    /// <summary>The blinded form's output-0 script <c>6a 08 &lt;fee, 8 bytes big-endian&gt;</c>.</summary>
    public static Script FeeScript(Money feeTotal)
    {
        var bytes = new byte[FeeScriptLength];
        WriteFeeScript(feeTotal, bytes);
        return new Script(bytes);
    }

    private const int FeeScriptLength = 10;

    private static void WriteFeeScript(Money fee, Span<byte> destination)
    {
        destination[0] = 0x6a;
        destination[1] = 0x08;
        BinaryPrimitives.WriteInt64BigEndian(destination[2..], fee.Satoshis);
    }

    /// <summary>Display (reversed) hex.</summary>
    public override string ToString() => Hash.ToString();
}
