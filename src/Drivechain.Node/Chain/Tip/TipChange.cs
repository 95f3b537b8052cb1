using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus;
using Drivechain.Consensus.State;

namespace Drivechain.Node.Chain.Tip;

/// <summary>
/// One change of the active chain, published once and in order by the chain's owner: on a reorganisation the
/// disconnects come newest first, then the connects. <see cref="Sequence"/> numbers every change of the node's
/// lifetime from 1 without gaps, so a subscriber can tell it missed nothing.
/// </summary>
public abstract record TipChange(long Sequence, Block Block, BlockIndex Index, DrivechainState State)
{
    /// <summary>A block joined the active chain. <see cref="TipChange.State"/> is the drivechain state after it.</summary>
    public sealed record Connected(long Sequence, Block Block, BlockIndex Index, DrivechainState State,
        ImmutableArray<DrivechainEvent> Events, ImmutableArray<CoinEntry> Spent)
        : TipChange(Sequence, Block, Index, State);

    /// <summary>
    /// A block left the active chain (reorganisation, invalidateblock). <see cref="TipChange.State"/> is the drivechain
    /// state at the new tip (its parent); <see cref="Spent"/> and <see cref="DrivechainUndo"/> are the undo that was applied.
    /// </summary>
    public sealed record Disconnected(long Sequence, Block Block, BlockIndex Index, DrivechainState State,
        ImmutableArray<CoinEntry> Spent, BlockUndo DrivechainUndo)
        : TipChange(Sequence, Block, Index, State);
}
