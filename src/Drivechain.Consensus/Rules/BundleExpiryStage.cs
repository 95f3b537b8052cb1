using System.Collections.Immutable;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Rules;

/// <summary>
/// Spec §4.6: remove (order-preserving) every pending bundle with <c>h − proposalHeight &gt; max age</c>;
/// emit "failed". docs/rules.md#bundle-expiry
/// </summary>
public sealed class BundleExpiryStage(DrivechainParams parameters) : IBlockStage
{
    /// <inheritdoc />
    public StageId Id => StageId.BundleExpiry;

    /// <inheritdoc />
    public RuleResult Apply(BlockContext block, StateDraft state)
    {
        long oldestAllowed = (long)block.Height - parameters.WithdrawalBundleMaxAge;
        foreach (int s in state.SlotsWithBundles)   // a snapshot: SetBundles below may clear a bit
        {
            var slot = state.Slot((byte)s);
            bool anyExpired = false;
            foreach (var key in slot.BundleKeys)
                if (key.ProposalHeight < oldestAllowed) { anyExpired = true; break; }
            if (!anyExpired) continue;
            var bundles = slot.Bundles;
            var kept = ImmutableArray.CreateBuilder<PendingBundle>(bundles.Length);
            foreach (var b in bundles)
            {
                if (b.ProposalHeight < oldestAllowed) state.Emit(new DrivechainEvent.BundleFailed((byte)s, b.M6Id));
                else kept.Add(b);
            }
            state.SetBundles((byte)s, kept.ToImmutable());
        }
        return RuleResult.Pass;
    }
}
