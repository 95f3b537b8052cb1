using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.State;

/// <summary>
/// The BIP300/301 state after a block (spec §3): 256 slot records plus the tip block's M4 record and BMM
/// accepts (needed by the next block's REPEAT_PREVIOUS and kept so that Connect is self-contained).
/// Immutable and value-equal; <see cref="ComputeDigest"/> hashes a canonical encoding.
/// </summary>
public sealed partial class DrivechainState : IEquatable<DrivechainState>
{
    /// <summary>Number of slots.</summary>
    public const int SlotCount = 256;

    private readonly ChunkedArray<SlotState> _slots;

    internal DrivechainState(ChunkedArray<SlotState> slots, CtipIndex ctipIndex,
        ImmutableArray<M4Action> m4Record, ImmutableArray<BmmAccept> bmmAccepts)
        : this(slots, SlotSummary.Of(slots), ctipIndex, m4Record, bmmAccepts) { }

    internal DrivechainState(ChunkedArray<SlotState> slots, in SlotSummary summary, CtipIndex ctipIndex,
        ImmutableArray<M4Action> m4Record, ImmutableArray<BmmAccept> bmmAccepts)
    {
        _slots = slots;
        Summary = summary;
        CtipIndex = ctipIndex;
        M4Record = m4Record.IsDefault ? [] : m4Record;
        BmmAccepts = bmmAccepts.IsDefault ? [] : bmmAccepts;
    }

    /// <summary>The state before activation: nothing proposed, nothing active, no CTIPs.</summary>
    public static DrivechainState Empty { get; } = CreateEmpty();

    /// <summary>The effective M4 actions of the tip block, ascending slot (empty without an effective M4).</summary>
    public ImmutableArray<M4Action> M4Record { get; }

    /// <summary>The tip block's M7 accepts, in coinbase order.</summary>
    public ImmutableArray<BmmAccept> BmmAccepts { get; }

    /// <summary>Current CTIP outpoint → slot.</summary>
    internal CtipIndex CtipIndex { get; }

    /// <summary>Which slots are active, have proposals, have bundles.</summary>
    internal SlotSummary Summary { get; }

    /// <summary>The record of <paramref name="slot"/>.</summary>
    public SlotState this[byte slot] => _slots[slot];

    /// <summary>The record of <paramref name="slot"/>.</summary>
    public SlotState GetSlot(byte slot) => _slots[slot];

    internal ChunkedArray<SlotState> CopySlots() => _slots.Copy();

    private static DrivechainState CreateEmpty()
    {
        var slots = new SlotState[SlotCount];
        for (int i = 0; i < SlotCount; i++) slots[i] = SlotState.Empty((byte)i);
        return new DrivechainState(ChunkedArray<SlotState>.Of(slots), CtipIndex.Empty, [], []);
    }

    /// <inheritdoc />
    public bool Equals(DrivechainState? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        for (int i = 0; i < SlotCount; i++)
            if (!_slots[i].Equals(other._slots[i])) return false;
        return M4Record.AsSpan().SequenceEqual(other.M4Record.AsSpan()) &&
               BmmAccepts.AsSpan().SequenceEqual(other.BmmAccepts.AsSpan());
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DrivechainState);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(M4Record.Length);
        hash.Add(BmmAccepts.Length);
        foreach (var slot in _slots) hash.Add(slot.GetHashCode());
        return hash.ToHashCode();
    }

    /// <summary>A short summary for debugging.</summary>
    public override string ToString() =>
        $"DrivechainState(active {ActiveSlotCount}, proposals {CountProposals()}, bundles {CountBundles()})";
}
