using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Rules;

/// <summary>
/// BIP301 M8 — a BMM request must match an M7 of the block, name the block's parent, and be the only one
/// for its slot. Spec §6; mempool: §7.2. docs/rules.md#m8
/// </summary>
public sealed class M8BmmRequestRule : IMessageRule<M8BmmRequest>
{
    /// <inheritdoc />
    public RuleResult Apply(M8BmmRequest m8, BlockContext block, StateDraft state)
    {
        if (!state.TryGetBmmAccept(m8.Slot, out var accepted) || accepted != m8.SidechainBlockHash)
            return RuleResult.Reject(RejectCode.M8NotAccepted, $"slot {m8.Slot}, h* {m8.SidechainBlockHash}");
        if (m8.PreviousMainchainBlockHash != block.PreviousBlockHash)
            return RuleResult.Reject(RejectCode.M8PrevBlockMismatch, $"slot {m8.Slot}: P {m8.PreviousMainchainBlockHash}, parent {block.PreviousBlockHash}");
        if (!state.TryMarkBmmRequest(m8.Slot))
            return RuleResult.Reject(RejectCode.M8DuplicateSlot, $"slot {m8.Slot}");
        return RuleResult.Pass;
    }

    /// <summary>The mempool check (§7.2): only P = the current tip is required.</summary>
    public static RuleResult CheckForMempool(M8BmmRequest m8, UInt256 tipHash) =>
        m8.PreviousMainchainBlockHash == tipHash
            ? RuleResult.Pass
            : RuleResult.Reject(RejectCode.M8PrevBlockMismatch, $"slot {m8.Slot}: P {m8.PreviousMainchainBlockHash}, tip {tipHash}");
}
