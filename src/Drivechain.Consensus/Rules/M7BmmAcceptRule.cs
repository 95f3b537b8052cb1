using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Rules;

/// <summary>BIP301 M7 — record the block's BMM accept for a slot (need not be active). Spec §4.3.5; docs/rules.md#m7</summary>
public sealed class M7BmmAcceptRule : IMessageRule<M7BmmAccept>
{
    /// <inheritdoc />
    public RuleResult Apply(M7BmmAccept m7, BlockContext block, StateDraft state)
    {
        state.AddBmmAccept(m7.Slot, m7.SidechainBlockHash);
        return RuleResult.Pass;
    }
}
