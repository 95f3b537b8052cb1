using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;

namespace Drivechain.Cli.Replay;

/// <summary>The full pipeline: an in-memory <see cref="ChainManager"/> (base validation, drivechain rules, reorgs).</summary>
internal sealed class ChainReplayEngine(ChainManager chain) : IReplayEngine
{
    public BlockVerdict Submit(Block block) => chain.SubmitBlock(block) switch
    {
        SubmitOutcome.Accepted { IsTip: false } => BlockVerdict.Accept("valid, not on the active chain"),
        SubmitOutcome.Accepted => BlockVerdict.Accept(),
        SubmitOutcome.Duplicate => BlockVerdict.Accept("duplicate of a valid block"),
        SubmitOutcome.Rejected r => BlockVerdict.Reject(r.Code, r.Reason),
        var other => throw new InvalidOperationException($"unknown submit outcome {other}"),
    };

    /// <summary>The chain behind the engine (diagnostics).</summary>
    public ChainManager Chain => chain;

    public UInt256 TipHash => chain.Tip.Hash;

    public int TipHeight => chain.Height;

    public ReplayState Snapshot() => DrivechainStateView.ToReplayState(chain.Tip.Hash, chain.Height, chain.TipDrivechainState);

    public void Dispose() => chain.Dispose();
}
