using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Rules;

/// <summary>BIP300 M1 — propose a sidechain. Spec §4.3.1; docs/rules.md#m1. Never invalid.</summary>
public sealed class M1ProposeSidechainRule : IMessageRule<M1ProposeSidechain>
{
    /// <inheritdoc />
    public RuleResult Apply(M1ProposeSidechain m1, BlockContext block, StateDraft state)
    {
        if (state.Slot(m1.Slot).IndexOfProposal(m1.DescriptionHash) >= 0) return RuleResult.Pass; // re-proposal: ignored, no reset
        state.AddProposal(new SidechainProposal(m1.Slot, m1.Description, m1.DescriptionHash, acks: 0, block.Height));
        int index = -1;
        for (int i = 0; i < block.CoinbaseMessages.Length && index < 0; i++)
            if (ReferenceEquals(block.CoinbaseMessages[i], m1)) index = i;
        state.Emit(new DrivechainEvent.SidechainProposed(m1.Slot, m1.DescriptionHash, index < 0 ? -1 : block.CoinbaseMessageVouts[index]));
        return RuleResult.Pass;
    }
}
