using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain.Validation;

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

    /// <summary>The block is invalid: <paramref name="Rejection"/> says which rule it broke.</summary>
    public sealed record Rejected(UInt256 BlockHash, BlockRejection Rejection) : SubmitOutcome(BlockHash)
    {
        /// <summary>"BASE" or the drivechain code (data for output; match on <see cref="Rejection"/> in logic).</summary>
        public string Code => Rejection.Code;

        /// <summary>Core's reject reason or the drivechain rule's detail.</summary>
        public string Reason => Rejection.Reason;
    }

    /// <summary>The block was already stored and is not known to be invalid.</summary>
    public sealed record Duplicate(UInt256 BlockHash) : SubmitOutcome(BlockHash);
}
