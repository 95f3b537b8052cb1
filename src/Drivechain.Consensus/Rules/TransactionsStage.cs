using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Rules;

/// <summary>
/// Spec §4.7: transactions 1..n in order, each through the treasury rules (§4.7.1) and then the M8 rules
/// (§6); effects apply immediately. docs/rules.md#transactions
/// </summary>
public sealed class TransactionsStage(DrivechainParams parameters) : IBlockStage
{
    private readonly TreasuryRule _treasury = new(parameters);
    private readonly M8BmmRequestRule _m8 = new();

    /// <inheritdoc />
    public StageId Id => StageId.Transactions;

    /// <inheritdoc />
    public RuleResult Apply(BlockContext block, StateDraft state)
    {
        var transactions = block.Block.Transactions;
        for (int i = 1; i < transactions.Length; i++)
        {
            var tx = transactions[i];
            var result = _treasury.Apply(tx, state);
            if (!result.Passed) return result;
            if (M8BmmRequest.TryParse(tx, out var m8))
            {
                result = _m8.Apply(m8, block, state);
                if (!result.Passed) return result;
            }
        }
        return RuleResult.Pass;
    }
}
