using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.State;

namespace Drivechain.Node.ChainView;

/// <summary>One change of a chain view's validated chain: on a reorganisation the disconnects come first, newest first.</summary>
public abstract record ChainViewChange(UInt256 Hash)
{
    /// <summary>A block joined the chain; <paramref name="State"/> is the drivechain state after it.</summary>
    public sealed record Connected(ChainViewHeader Header, Block Block, ImmutableArray<DrivechainEvent> Events, DrivechainState State)
        : ChainViewChange(Header.Hash);

    /// <summary>A block left the chain.</summary>
    public sealed record Disconnected(UInt256 BlockHash, int Height) : ChainViewChange(BlockHash);
}
