using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Rules;

/// <summary>
/// Spec §4.7.1 treasury classification of one transaction: SPENT CTIPs, NEW treasury outputs for active
/// slots, then per NEW slot (ascending vout) deposit (M5) or withdrawal (M6) checks; effects only when all
/// pass. Also the mempool check (§7). docs/rules.md#treasury
/// </summary>
public sealed class TreasuryRule(DrivechainParams parameters)
{
    private readonly record struct NewOutput(byte Slot, int Vout, long Value);

    /// <summary>Checks <paramref name="tx"/> (not a coinbase) and applies its effects to <paramref name="state"/>.</summary>
    public RuleResult Apply(Transaction tx, StateDraft state)
    {
        // Fast path: no treasury output for an active slot and no CTIP spent.
        var outputs = tx.Outputs;
        bool anyNew = false;
        for (int i = 0; i < outputs.Length && !anyNew; i++)
            anyNew = TreasuryScript.TryParse(outputs[i].ScriptPubKey.Span, out var s) && state.IsActive(s);
        var spent = new SlotSet();
        bool anySpent = false;
        if (state.HasAnyCtip)
            foreach (var input in tx.Inputs)
                if (state.FindCtipSlot(input.PrevOut) is >= 0 and var slot) anySpent |= spent.Add((byte)slot);
        if (!anyNew && !anySpent) return RuleResult.Pass;
        return Classify(tx, state, spent);
    }

    // spent: the slots whose CTIP the transaction spends.
    private RuleResult Classify(Transaction tx, StateDraft state, SlotSet spent)
    {
        var newSlots = new SlotSet();

        var outputs = tx.Outputs;
        Span<NewOutput> found = outputs.Length <= 16 ? stackalloc NewOutput[outputs.Length] : new NewOutput[outputs.Length];
        int count = 0;
        for (int vout = 0; vout < outputs.Length; vout++)
        {
            if (!TreasuryScript.TryParse(outputs[vout].ScriptPubKey.Span, out var slot) || !state.IsActive(slot)) continue;
            if (!newSlots.Add(slot)) return RuleResult.Reject(RejectCode.TreasuryMultipleOutputs, $"tx {tx.TxId}: slot {slot} again at vout {vout}");
            found[count++] = new NewOutput(slot, vout, outputs[vout].Value.Satoshis);
        }
        var news = found[..count];

        if (spent.FirstExcept(newSlots) is >= 0 and var orphaned) // the lowest such slot (§12.1)
            return RuleResult.Reject(RejectCode.TreasurySpentWithoutSuccessor, $"tx {tx.TxId}: spends the CTIP of slot {orphaned}");

        bool hasDeposit = false, hasWithdrawal = false;
        int withdrawalSlot = -1, withdrawalIndex = -1;
        M6Id withdrawalId = default;
        foreach (var n in news) // ascending vout (§12.1)
        {
            var ctip = state.Slot(n.Slot).Ctip;
            long old = ctip?.Value.Satoshis ?? 0;
            if (ctip is not null && !spent.Contains(n.Slot))
                return RuleResult.Reject(RejectCode.TreasuryCtipNotSpent, $"tx {tx.TxId}: slot {n.Slot} CTIP {ctip.Value.OutPoint} not spent");
            if (n.Value == old)
                return RuleResult.Reject(RejectCode.TreasuryZeroDiff, $"tx {tx.TxId}: slot {n.Slot} treasury stays at {old}");
            if (n.Value > old)
            {
                if (n.Vout + 1 >= outputs.Length || !DepositAddress.TryParse(outputs[n.Vout + 1].ScriptPubKey.Span, out _))
                    return RuleResult.Reject(RejectCode.M5MissingAddress, $"tx {tx.TxId}: slot {n.Slot} deposit at vout {n.Vout}");
                if (hasWithdrawal)
                    return RuleResult.Reject(RejectCode.M5M6Ambiguous, $"tx {tx.TxId}: deposit to slot {n.Slot} in a withdrawal");
                hasDeposit = true;
                continue;
            }
            if (tx.Inputs.Length != 1)
                return RuleResult.Reject(RejectCode.M6InputCount, $"tx {tx.TxId}: withdrawal from slot {n.Slot} with {tx.Inputs.Length} inputs");
            if (n.Vout != 0)
                return RuleResult.Reject(RejectCode.M6TreasuryNotFirst, $"tx {tx.TxId}: slot {n.Slot} treasury at vout {n.Vout}");
            if (!M6Id.TryCompute(tx, new Money(old), out var id, out _))
                return RuleResult.Reject(RejectCode.M6InsufficientTreasury, $"tx {tx.TxId}: outputs exceed slot {n.Slot}'s treasury {old}");
            var slotState = state.Slot(n.Slot);
            int index = slotState.IndexOfBundle(id);
            if (index < 0)
                return RuleResult.Reject(RejectCode.M6UnknownBundle, $"tx {tx.TxId}: M6ID {id} not pending in slot {n.Slot}");
            if (slotState.BundleAcks[index] <= parameters.WithdrawalBundleInclusionThreshold)
                return RuleResult.Reject(RejectCode.M6InsufficientVotes, $"tx {tx.TxId}: M6ID {id} has {slotState.BundleAcks[index]} ACKs");
            var classification = Withdrawal(hasDeposit, hasWithdrawal);
            if (!classification.Passed) return classification;
            hasWithdrawal = true;
            withdrawalSlot = n.Slot;
            withdrawalIndex = index;
            withdrawalId = id;
        }

        // Effects (§4.7.1 step 5).
        foreach (var n in news)
        {
            var before = state.Slot(n.Slot).Ctip?.Value.Satoshis ?? 0;
            var entry = state.MoveCtip(n.Slot, new OutPoint(tx.TxId, (uint)n.Vout), new Money(n.Value));
            if (n.Slot == withdrawalSlot && hasWithdrawal)
            {
                state.RemoveBundleAt(n.Slot, withdrawalIndex);
                state.Emit(new DrivechainEvent.BundleSucceeded(n.Slot, withdrawalId, entry.Seq, tx.TxId));
            }
            else
            {
                _ = DepositAddress.TryParse(tx.Outputs[n.Vout + 1].ScriptPubKey.Span, out var address);
                state.Emit(new DrivechainEvent.DepositReceived(n.Slot, entry.Seq, entry.OutPoint, [.. address], new Money(n.Value - before)));
            }
        }
        return RuleResult.Pass;
    }

    /// <summary>
    /// The last two M6 checks: a withdrawal in a transaction that already deposits is ambiguous, and a
    /// second withdrawal is M6_MULTIPLE_WITHDRAWALS (unreachable in a block: two withdrawals would both
    /// need their treasury output at vout 0, §12.2).
    /// </summary>
    public static RuleResult Withdrawal(bool hasDeposit, bool hasWithdrawal)
    {
        if (hasDeposit) return RuleResult.Reject(RejectCode.M5M6Ambiguous, "withdrawal in a deposit transaction");
        if (hasWithdrawal) return RuleResult.Reject(RejectCode.M6MultipleWithdrawals, "second withdrawal in one transaction");
        return RuleResult.Pass;
    }
}
