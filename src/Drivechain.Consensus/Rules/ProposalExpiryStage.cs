using System.Collections.Immutable;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Rules;

/// <summary>
/// Spec §4.5: drop every proposal older than its max age, or that can no longer pass its threshold
/// (<c>age &gt; maxFails ∧ fails ≥ maxFails</c>). Silent. docs/rules.md#proposal-expiry
/// </summary>
public sealed class ProposalExpiryStage(DrivechainParams parameters) : IBlockStage
{
    /// <inheritdoc />
    public StageId Id => StageId.ProposalExpiry;

    /// <inheritdoc />
    public RuleResult Apply(BlockContext block, StateDraft state)
    {
        foreach (int s in state.SlotsWithProposals)   // a snapshot: SetProposals below may clear a bit
        {
            var slot = state.Slot((byte)s);
            var proposals = slot.Proposals;
            bool used = slot.IsActive;
            int maxAge = used ? parameters.UsedSlotProposalMaxAge : parameters.UnusedSlotProposalMaxAge;
            int maxFails = used ? parameters.UsedSlotMaxFails : parameters.UnusedSlotMaxFails;
            ImmutableArray<SidechainProposal>.Builder? kept = null;
            for (int i = 0; i < proposals.Length; i++)
            {
                var p = proposals[i];
                if (IsExpired(p, block.Height, maxAge, maxFails))
                {
                    if (kept is null)
                    {
                        kept = ImmutableArray.CreateBuilder<SidechainProposal>(proposals.Length);
                        for (int j = 0; j < i; j++) kept.Add(proposals[j]);
                    }
                }
                else
                {
                    kept?.Add(p);
                }
            }
            if (kept is not null) state.SetProposals((byte)s, kept.ToImmutable());
        }
        return RuleResult.Pass;
    }

    /// <summary>The §4.5 predicate.</summary>
    public static bool IsExpired(SidechainProposal proposal, int height, int maxAge, int maxFails)
    {
        long age = (long)height - proposal.ProposalHeight;
        long fails = Math.Max(0, age - proposal.Acks);
        return age > maxAge || (age > maxFails && fails >= maxFails);
    }
}
