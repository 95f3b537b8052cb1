using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Rules;

/// <summary>
/// Spec §4.2 parse pass: M1 twice with the same (slot, description), M2 twice for a slot, more than one M4,
/// M7 twice for a slot. No state change. docs/rules.md#duplicates
/// </summary>
public sealed class DuplicateMessagesStage : IBlockStage
{
    /// <inheritdoc />
    public StageId Id => StageId.DuplicateMessages;

    /// <inheritdoc />
    public RuleResult Apply(BlockContext block, StateDraft state)
    {
        var messages = block.CoinbaseMessages;
        if (messages.Length < 2) return RuleResult.Pass;
        var m2Slots = new SlotSet();
        var m7Slots = new SlotSet();
        bool seenM4 = false;
        for (int i = 0; i < messages.Length; i++)
        {
            switch (messages[i])
            {
                case M1ProposeSidechain m1:
                    for (int j = 0; j < i; j++)
                        if (messages[j] is M1ProposeSidechain earlier && earlier.Slot == m1.Slot && earlier.DescriptionHash == m1.DescriptionHash)
                            return RuleResult.Reject(RejectCode.M1Duplicate, $"slot {m1.Slot}, description {m1.DescriptionHash}");
                    break;
                case M2AckSidechain m2:
                    if (!m2Slots.Add(m2.Slot)) return RuleResult.Reject(RejectCode.M2DuplicateSlot, $"slot {m2.Slot}");
                    break;
                case M4AckBundles:
                    if (seenM4) return RuleResult.Reject(RejectCode.M4Duplicate, $"second M4 at vout {block.CoinbaseMessageVouts[i]}");
                    seenM4 = true;
                    break;
                case M7BmmAccept m7:
                    if (!m7Slots.Add(m7.Slot)) return RuleResult.Reject(RejectCode.M7DuplicateSlot, $"slot {m7.Slot}");
                    break;
            }
        }
        return RuleResult.Pass;
    }
}
