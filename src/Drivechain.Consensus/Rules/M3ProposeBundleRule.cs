using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Rules;

/// <summary>BIP300 M3 — propose a withdrawal bundle. Spec §4.3.3; docs/rules.md#m3</summary>
public sealed class M3ProposeBundleRule : IMessageRule<M3ProposeBundle>
{
    /// <inheritdoc />
    public RuleResult Apply(M3ProposeBundle m3, BlockContext block, StateDraft state)
    {
        if (!state.IsActive(m3.Slot))
            return RuleResult.Reject(RejectCode.M3InactiveSidechain, $"slot {m3.Slot}");
        if (state.HasPendingBundle(m3.Slot, m3.M6Id))
            return RuleResult.Reject(RejectCode.M3BundleAlreadyPending, $"slot {m3.Slot}, {m3.M6Id}");
        state.AppendBundle(m3.Slot, new PendingBundle(m3.M6Id, Acks: 1, block.Height));
        state.Emit(new DrivechainEvent.BundleSubmitted(m3.Slot, m3.M6Id));
        return RuleResult.Pass;
    }
}
