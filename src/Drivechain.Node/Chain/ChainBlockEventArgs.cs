using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.State;

namespace Drivechain.Node.Chain;

/// <summary>
/// A block was connected to or disconnected from the active chain. Raised synchronously on the writer's
/// thread while the chain lock is held, in chain order; handlers may read the chain (the lock is
/// re-entrant) but must not submit blocks.
/// </summary>
public sealed class ChainBlockEventArgs(Block block, BlockIndex index, DrivechainState drivechainState, ImmutableArray<DrivechainEvent> events) : EventArgs
{
    /// <summary>The block.</summary>
    public Block Block { get; } = block;

    /// <summary>Its tree entry (hash, height, header).</summary>
    public BlockIndex Index { get; } = index;

    /// <summary>The drivechain state after the change (for a disconnect: the state at the new tip).</summary>
    public DrivechainState DrivechainState { get; } = drivechainState;

    /// <summary>For a connect: what the drivechain rules reported (deposits, bundles, activations); empty for a disconnect.</summary>
    public ImmutableArray<DrivechainEvent> DrivechainEvents { get; } = events;
}
