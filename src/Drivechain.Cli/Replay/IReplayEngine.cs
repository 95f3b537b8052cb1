using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Cli.Replay;

/// <summary>
/// A node as the replayer sees it: blocks in, verdicts out, and the current view. One engine replays one vector,
/// starting from the network's genesis block.
/// </summary>
internal interface IReplayEngine : IDisposable
{
    /// <summary>Submits a block as a node would receive it (its parent may be any known block).</summary>
    BlockVerdict Submit(Block block);

    /// <summary>The hash of the active tip.</summary>
    UInt256 TipHash { get; }

    /// <summary>The height of the active tip.</summary>
    int TipHeight { get; }

    /// <summary>The drivechain view at the active tip.</summary>
    ReplayState Snapshot();
}
