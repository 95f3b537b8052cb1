using System.Diagnostics;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Rules;

/// <summary>
/// Spec §4.3 apply pass: each recognized coinbase message in vout order, by the rule for its type; each
/// sees the effects of the earlier ones. docs/rules.md#apply
/// </summary>
public sealed class ApplyCoinbaseMessagesStage(DrivechainParams parameters) : IBlockStage
{
    private readonly M1ProposeSidechainRule _m1 = new();
    private readonly M2AckSidechainRule _m2 = new(parameters);
    private readonly M3ProposeBundleRule _m3 = new();
    private readonly M4AckBundlesRule _m4 = new();
    private readonly M7BmmAcceptRule _m7 = new();

    /// <inheritdoc />
    public StageId Id => StageId.ApplyCoinbaseMessages;

    /// <inheritdoc />
    public RuleResult Apply(BlockContext block, StateDraft state)
    {
        foreach (var message in block.CoinbaseMessages)
        {
            var result = message switch
            {
                M1ProposeSidechain m1 => _m1.Apply(m1, block, state),
                M2AckSidechain m2 => _m2.Apply(m2, block, state),
                M3ProposeBundle m3 => _m3.Apply(m3, block, state),
                M4AckBundles m4 => _m4.Apply(m4, block, state),
                M7BmmAccept m7 => _m7.Apply(m7, block, state),
                _ => throw new UnreachableException($"no rule for {message.GetType().Name}"),
            };
            if (!result.Passed) return result;
        }
        return RuleResult.Pass;
    }
}
