using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Rules;

/// <summary>BIP300 M2 — ACK a proposal, activating it past the threshold. Spec §4.3.2; docs/rules.md#m2. Never invalid.</summary>
public sealed class M2AckSidechainRule(DrivechainParams parameters) : IMessageRule<M2AckSidechain>
{
    /// <inheritdoc />
    public RuleResult Apply(M2AckSidechain m2, BlockContext block, StateDraft state)
    {
        var slot = state.Slot(m2.Slot);
        int index = slot.IndexOfProposal(m2.DescriptionHash);
        if (index < 0) return RuleResult.Pass;                                  // unknown proposal: ignored
        var proposal = slot.Proposals[index];
        if (proposal.ProposalHeight == block.Height) return RuleResult.Pass;   // proposed in this block: ignored
        ushort acks = proposal.Acks == ushort.MaxValue ? ushort.MaxValue : (ushort)(proposal.Acks + 1);
        long age = (long)block.Height - proposal.ProposalHeight;
        bool used = slot.IsActive;
        bool activate = used
            ? acks > parameters.UsedSlotActivationThreshold && age <= parameters.UsedSlotProposalMaxAge
            : acks > parameters.UnusedSlotActivationThreshold && age <= parameters.UnusedSlotProposalMaxAge;
        if (!activate)
        {
            state.SetProposals(m2.Slot, slot.Proposals.SetItem(index, proposal.WithAcks(acks)));
            return RuleResult.Pass;
        }
        state.SetProposals(m2.Slot, slot.Proposals.RemoveAt(index));
        state.SetSidechain(new Sidechain(m2.Slot, proposal.Description, proposal.DescriptionHash, acks, proposal.ProposalHeight, block.Height));
        state.Emit(new DrivechainEvent.SidechainActivated(m2.Slot, proposal.DescriptionHash, Replaced: used));
        return RuleResult.Pass;
    }
}
