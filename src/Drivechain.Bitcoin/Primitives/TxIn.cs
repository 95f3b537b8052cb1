using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Primitives;

/// <summary>A transaction input.</summary>
public sealed record TxIn(OutPoint PrevOut, Script ScriptSig, uint Sequence, Witness Witness)
{
    /// <summary>The final sequence number (no relative lock, no RBF signal).</summary>
    public const uint SequenceFinal = 0xffffffff;

    /// <summary>BIP68: when set, the sequence carries no relative lock time.</summary>
    public const uint SequenceLockTimeDisableFlag = 1u << 31;

    /// <summary>BIP68: when set, the relative lock is in units of 512 seconds.</summary>
    public const uint SequenceLockTimeTypeFlag = 1u << 22;

    /// <summary>BIP68: the bits of the relative lock value.</summary>
    public const uint SequenceLockTimeMask = 0x0000ffff;

    /// <summary>An input with no witness.</summary>
    public TxIn(OutPoint prevOut, Script scriptSig, uint sequence = SequenceFinal) : this(prevOut, scriptSig, sequence, Witness.Empty) { }

    /// <summary>Non-witness serialized size: outpoint (36) + var-bytes script + sequence (4).</summary>
    public int SerializedSize => 40 + Serialization.BitcoinWriter.VarBytesLength(ScriptSig.Length);
}
