using Drivechain.Consensus.State;

namespace Drivechain.Consensus.NBitcoin;

/// <summary>
/// The drivechain state after some block, opaque to NBitcoin hosts: store it as bytes, compare digests, read a JSON-free
/// summary. Immutable; connecting a block returns a new snapshot.
/// </summary>
public sealed class DrivechainSnapshot
{
    internal DrivechainSnapshot(DrivechainState state) => State = state;

    internal DrivechainState State { get; }

    /// <summary>The state before the first drivechain block (no sidechains, no treasuries).</summary>
    public static DrivechainSnapshot Empty { get; } = new(DrivechainState.Empty);

    /// <summary>Reads a snapshot stored with <see cref="ToBytes"/>.</summary>
    public static DrivechainSnapshot Parse(byte[] bytes) => new(DrivechainState.Parse(bytes));

    /// <summary>The canonical encoding (to store).</summary>
    public byte[] ToBytes() => State.ToBytes();

    /// <summary>SHA256d of the canonical encoding: equal states have equal digests.</summary>
    public global::NBitcoin.uint256 Digest => new(State.ComputeDigest().ToString());

    /// <summary>Active sidechain slots, ascending.</summary>
    public IReadOnlyList<byte> ActiveSlots => [.. State.ActiveSidechains.Select(s => s.Slot)];
}
