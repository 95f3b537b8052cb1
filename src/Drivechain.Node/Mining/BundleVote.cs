using Drivechain.Consensus.Messages;

namespace Drivechain.Node.Mining;

/// <summary>The miner's M4 vote for one slot: the policy default, abstain, alarm, or upvote a given bundle.</summary>
public abstract record BundleVote
{
    private BundleVote() { }

    /// <summary>Upvote the leading bundle (highest ACKs, oldest on a tie) when the slot has bundles (enforcer default).</summary>
    public sealed record Default : BundleVote;

    public sealed record Abstain : BundleVote;

    public sealed record Alarm : BundleVote;

    public sealed record Upvote(M6Id M6Id) : BundleVote;
}
