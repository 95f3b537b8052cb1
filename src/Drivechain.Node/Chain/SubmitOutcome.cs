using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Chain;

/// <summary>What the chain concluded about a submitted block.</summary>
public abstract record SubmitOutcome
{
    private SubmitOutcome(UInt256 hash) => Hash = hash;

    /// <summary>The submitted block's hash.</summary>
    public UInt256 Hash { get; }

    /// <summary>
    /// The block is valid as far as it was checked and stored. IsTip: it is now the tip;
    /// TipChanged: the tip moved (extended or reorganised) while processing it.
    /// A block on a side branch with less work is accepted without being connected.
    /// </summary>
    public sealed record Accepted(UInt256 BlockHash, int Height, bool IsTip, bool TipChanged) : SubmitOutcome(BlockHash);

    /// <summary>
    /// The block is invalid. Code is "BASE" for a Bitcoin rule (then Reason is Core's reject reason, e.g. "bad-txnmrklroot") or the drivechain code
    /// (e.g. "M4_UNKNOWN_BUNDLE", with the rule's detail as reason).
    /// </summary>
    public sealed record Rejected(UInt256 BlockHash, string Code, string Reason) : SubmitOutcome(BlockHash);

    /// <summary>The block was already stored and is not known to be invalid.</summary>
    public sealed record Duplicate(UInt256 BlockHash) : SubmitOutcome(BlockHash);
}
