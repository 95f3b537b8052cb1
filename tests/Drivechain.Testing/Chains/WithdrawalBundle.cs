using System.Buffers.Binary;
using System.Collections.Immutable;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Testing.Chains;

/// <summary>
/// A withdrawal bundle in its blinded form (spec §4.7.2): version, payouts, total fee and lock time. The M6ID is the
/// sha256d of the blinded M6; <see cref="ToM6"/> turns it into the real M6 spending a CTIP.
/// </summary>
public sealed class WithdrawalBundle
{
    /// <summary>Creates a bundle and computes its M6ID.</summary>
    public WithdrawalBundle(byte slot, ImmutableArray<TxOut> payouts, long fee, uint version = 2, uint lockTime = 0)
    {
        if (payouts.IsDefaultOrEmpty) throw new ArgumentException("a bundle pays at least one output", nameof(payouts));
        ArgumentOutOfRangeException.ThrowIfNegative(fee);
        Slot = slot;
        Payouts = payouts;
        Fee = fee;
        Version = version;
        LockTime = lockTime;
        var feeScript = new byte[10];
        feeScript[0] = 0x6a;
        feeScript[1] = 0x08;
        BinaryPrimitives.WriteInt64BigEndian(feeScript.AsSpan(2), fee);
        Blinded = new Transaction(version, [], [new TxOut(Money.Zero, new Script(feeScript)), .. payouts], lockTime);
        M6Id = Hashes.Sha256d(Blinded.ToBytes(withWitness: false));
    }

    /// <summary>The sidechain slot.</summary>
    public byte Slot { get; }

    /// <summary>Payout outputs (outputs 1..n of the M6).</summary>
    public ImmutableArray<TxOut> Payouts { get; }

    /// <summary>F_total: the M6's Bitcoin fee.</summary>
    public long Fee { get; }

    /// <summary>nVersion of the M6.</summary>
    public uint Version { get; }

    /// <summary>nLockTime of the M6.</summary>
    public uint LockTime { get; }

    /// <summary>The blinded M6 (no inputs; output 0 = <c>6a 08 &lt;fee BE&gt;</c> with value 0).</summary>
    public Transaction Blinded { get; }

    /// <summary>The M6ID (internal order as in M3; <c>ToString()</c> gives the display hex).</summary>
    public UInt256 M6Id { get; }

    /// <summary>Sum of the payouts.</summary>
    public long PayoutTotal => Payouts.Sum(p => p.Value.Satoshis);

    /// <summary>The real M6 spending <paramref name="ctip"/>: one input, output 0 = the new treasury.</summary>
    public Transaction ToM6(ModelCtip ctip)
    {
        var treasury = ctip.Value - PayoutTotal - Fee;
        if (treasury < 0) throw new InvalidOperationException($"slot {Slot}: CTIP {ctip.Value} sat cannot pay {PayoutTotal} + fee {Fee}");
        var input = new TxIn(ctip.OutPoint, Script.Empty, TxIn.SequenceFinal);
        return new Transaction(Version, [input], [new TxOut(new Money(treasury), DrivechainScripts.Treasury(Slot)), .. Payouts], LockTime);
    }
}
