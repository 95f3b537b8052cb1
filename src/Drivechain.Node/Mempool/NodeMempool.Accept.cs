using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus.Messages;
using Drivechain.Node.Chain;

namespace Drivechain.Node.Mempool;

public sealed partial class NodeMempool
{
    private const int MempoolHeight = 0x7FFFFFFF;
    private const int MaxReplacementEvictions = 100;

    /// <summary>Reject reason when the fee rate is above the caller's maxfeerate.</summary>
    public const string MaxFeeExceeded = "max-fee-exceeded";

    /// <summary>
    /// Core's AcceptToMemoryPool in its order: context-free checks, standardness, finality, duplicates, conflicts,
    /// inputs, BIP68, amounts, sigops, fee, chain limits, replacement rules, the drivechain policy (spec §7), scripts.
    /// With <paramref name="testOnly"/> nothing changes (testmempoolaccept). A positive <paramref name="maxFeeRatePerKvB"/>
    /// refuses absurd fees ("max-fee-exceeded", the RPCs' maxfeerate).
    /// </summary>
    public MempoolAcceptResult Accept(Transaction tx, bool testOnly, long maxFeeRatePerKvB = 0)
    {
        var chain = _node.Chain;
        // From the first transaction on, every tip change reaches the pool (SyncWithChain applies them).
        if (_tipChanges is null) Follow();
        var tip = chain.Tip;
        var nextHeight = tip.Height + 1;
        var mtp = tip.GetMedianTimePast();

        if (TransactionCheck.Check(tx) is { } contextFree) return Invalid(tx, contextFree);
        if (tx.IsCoinbase) return Invalid(tx, "coinbase");
        if (CheckStandard(tx) is { } nonStandard) return Invalid(tx, nonStandard);
        if (!TransactionFinality.IsFinal(tx, nextHeight, mtp)) return Invalid(tx, "non-final");
        if (Pool.Contains(tx.TxId)) return MempoolAcceptResult.Reject(tx, MempoolRejectKind.AlreadyInMempool, "txn-already-in-mempool");
        if (Pool.ContainsWTxId(tx.WTxId)) return MempoolAcceptResult.Reject(tx, MempoolRejectKind.AlreadyInMempool, "txn-same-nonwitness-data-in-mempool");

        // Conflicts: pool transactions spending the same outputs (candidates for replacement).
        var conflicts = new HashSet<MempoolEntry>();
        foreach (var input in tx.Inputs)
            if (Pool.SpenderOf(input.PrevOut) is { } spender) conflicts.Add(spender);
        var evicted = new HashSet<MempoolEntry>();
        foreach (var conflict in conflicts)
            foreach (var e in Pool.GetDescendants(conflict, includeSelf: true)) evicted.Add(e);

        // Inputs from the UTXO set or from pool transactions that stay.
        var coins = new Coin[tx.Inputs.Length];
        var spent = new TxOut[tx.Inputs.Length];
        var parents = new HashSet<MempoolEntry>();
        for (var i = 0; i < tx.Inputs.Length; i++)
        {
            var prevOut = tx.Inputs[i].PrevOut;
            if (Pool.TryGet(prevOut.TxId, out var parent))
            {
                if (evicted.Contains(parent)) return Invalid(tx, "bad-txns-spends-conflicting-tx", $"{tx.TxId} spends conflicting transaction {parent.TxId}");
                if (prevOut.Index >= parent.Transaction.Outputs.Length) return Missing(tx);
                spent[i] = parent.Transaction.Outputs[(int)prevOut.Index];
                coins[i] = new Coin(spent[i], MempoolHeight, false);
                parents.Add(parent);
            }
            else if (chain.TryGetCoin(prevOut, out var coin))
            {
                coins[i] = coin;
                spent[i] = coin.Output;
            }
            else
            {
                for (uint o = 0; o < tx.Outputs.Length; o++)
                    if (chain.TryGetCoin(new OutPoint(tx.TxId, o), out _))
                        return MempoolAcceptResult.Reject(tx, MempoolRejectKind.AlreadyInChain, "txn-already-known");
                return Missing(tx);
            }
        }

        // BIP68 relative lock-times, evaluated for the next block (pool coins count as confirmed in it).
        var heights = coins.Select(c => c.Height == MempoolHeight ? nextHeight : c.Height).ToArray();
        var sequenceLock = SequenceLocks.Calculate(tx, heights, enforceBip68: tx.Version >= 2, new ChainHistory(tip));
        if (!SequenceLocks.Evaluate(sequenceLock, nextHeight, mtp)) return Invalid(tx, "non-BIP68-final");

        var inputCoins = coins.Select(c => c.Height == MempoolHeight ? c with { Height = nextHeight } : c).ToArray();
        if (TransactionInputsCheck.Check(tx, inputCoins, nextHeight, chain.Network.CoinbaseMaturity, out var fee) is { } inputError)
            return Invalid(tx, inputError.RejectReason, inputError.Detail);

        var sigOpCost = SigOpCounter.GetTransactionSigOpCost(tx, spent, StandardPolicy.Standard);
        if (sigOpCost > StandardPolicy.MaxStandardTxSigOpsCost)
            return Invalid(tx, "bad-txns-too-many-sigops", sigOpCost.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var entry = new MempoolEntry(tx, fee, sigOpCost, _clock.GetUtcNow().ToUnixTimeSeconds(), tip.Height, Pool.NextSequence(), spent);
        var minFee = StandardPolicy.MinRelayFeePerKvB * entry.VirtualSize / 1000;
        if (fee.Satoshis < minFee) return Invalid(tx, "min relay fee not met", $"{fee.Satoshis} < {minFee}");
        if (maxFeeRatePerKvB > 0 && fee.Satoshis > maxFeeRatePerKvB * entry.VirtualSize / 1000) return Invalid(tx, MaxFeeExceeded);

        if (CheckChainLimits(parents, evicted) is { } limit) return Invalid(tx, "too-long-mempool-chain", limit);
        if (conflicts.Count > 0 && CheckReplacement(entry, conflicts, evicted, parents) is { } rbf) return Invalid(tx, rbf.Reason, rbf.Detail);

        // Drivechain policy (spec §7): the transaction alone against the tip state, M8 against the tip hash.
        var state = chain.TipDrivechainState;
        if (_node.Validator.CheckTransaction(state, tip.Hash, tx) is { } rejection) return Invalid(tx, rejection.CodeString, rejection.Detail);
        if (TreasurySlotInUse(tx, state, parents, evicted) is { } busySlot)
            return Invalid(tx, "treasury-slot-pending", $"another unconfirmed transaction already moves the treasury of slot {busySlot}");

        if (!_scriptsVerified.Contains(tx.WTxId))
        {
            if (CheckScripts(tx, spent) is { } scriptError) return Invalid(tx, scriptError);
            if (_scriptsVerified.Count > 100_000) _scriptsVerified.Clear();
            _scriptsVerified.Add(tx.WTxId);
        }

        var replaced = evicted.Select(e => e.TxId).ToList();
        if (!testOnly)
        {
            foreach (var e in evicted) Pool.Remove(e);
            Pool.Add(entry);
            foreach (var e in evicted) TransactionRemoved?.Invoke(e.TxId);
            if (!_rechecking) TransactionAdded?.Invoke(entry);
        }
        return new MempoolAcceptResult(tx, MempoolRejectKind.None, null, null, fee, entry.VirtualSize, replaced);
    }

    private static MempoolAcceptResult Invalid(Transaction tx, string reason, string? detail = null) =>
        MempoolAcceptResult.Reject(tx, MempoolRejectKind.Invalid, reason, detail);

    private static MempoolAcceptResult Missing(Transaction tx) =>
        MempoolAcceptResult.Reject(tx, MempoolRejectKind.MissingInputs, "bad-txns-inputs-missingorspent");

    private static string? CheckChainLimits(HashSet<MempoolEntry> parents, HashSet<MempoolEntry> evicted)
    {
        var ancestors = new HashSet<MempoolEntry>();
        foreach (var parent in parents)
        {
            ancestors.Add(parent);
            foreach (var a in parent.Parents.Count == 0 ? [] : AncestorsOf(parent)) ancestors.Add(a);
        }
        if (ancestors.Count + 1 > StandardPolicy.MaxAncestorCount)
            return $"too many unconfirmed ancestors [limit: {StandardPolicy.MaxAncestorCount}]";
        foreach (var ancestor in ancestors)
        {
            var descendants = DescendantsOf(ancestor).Count(d => !evicted.Contains(d));
            if (descendants + 2 > StandardPolicy.MaxDescendantCount)
                return $"exceeds descendant size limit for tx {ancestor.TxId} [limit: {StandardPolicy.MaxDescendantCount}]";
        }
        return null;
    }

    private static HashSet<MempoolEntry> AncestorsOf(MempoolEntry entry)
    {
        var seen = new HashSet<MempoolEntry>();
        var stack = new Stack<MempoolEntry>(entry.Parents);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (!seen.Add(e)) continue;
            foreach (var p in e.Parents) stack.Push(p);
        }
        return seen;
    }

    private static HashSet<MempoolEntry> DescendantsOf(MempoolEntry entry)
    {
        var seen = new HashSet<MempoolEntry>();
        var stack = new Stack<MempoolEntry>(entry.Children);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (!seen.Add(e)) continue;
            foreach (var c in e.Children) stack.Push(c);
        }
        return seen;
    }

    /// <summary>BIP125 rules 2–5 (full-RBF: no opt-in signal needed, as Core since v28).</summary>
    private static (string Reason, string Detail)? CheckReplacement(MempoolEntry entry, HashSet<MempoolEntry> conflicts,
        HashSet<MempoolEntry> evicted, HashSet<MempoolEntry> parents)
    {
        if (evicted.Count > MaxReplacementEvictions)
            return ("too many potential replacements", $"rejecting replacement {entry.TxId}; too many potential replacements ({evicted.Count} > {MaxReplacementEvictions})");
        foreach (var conflict in conflicts)
        {
            // Compare fee rates exactly: fee / vsize > conflict fee / conflict vsize.
            if ((Int128)entry.Fee.Satoshis * conflict.VirtualSize <= (Int128)conflict.Fee.Satoshis * entry.VirtualSize)
                return ("insufficient fee", $"rejecting replacement {entry.TxId}; new feerate {entry.FeeRatePerKvB} <= old feerate {conflict.FeeRatePerKvB}");
        }
        var conflictParents = conflicts.SelectMany(c => c.Transaction.Inputs.Select(i => i.PrevOut.TxId)).ToHashSet();
        foreach (var parent in parents)
            if (!conflictParents.Contains(parent.TxId))
                return ("replacement-adds-unconfirmed", $"replacement {entry.TxId} adds unconfirmed input, idx {parent.TxId}");
        var evictedFees = evicted.Sum(e => e.Fee.Satoshis);
        if (entry.Fee.Satoshis < evictedFees)
            return ("insufficient fee", $"rejecting replacement {entry.TxId}, less fees than conflicting txs; {entry.Fee.Satoshis} < {evictedFees}");
        var extra = entry.Fee.Satoshis - evictedFees;
        var required = StandardPolicy.IncrementalRelayFeePerKvB * entry.VirtualSize / 1000;
        if (extra < required)
            return ("insufficient fee", $"rejecting replacement {entry.TxId}, not enough additional fees to relay; {extra} < {required}");
        return null;
    }

    /// <summary>
    /// "No two treasury moves of one slot" in the pool: a transaction that creates a treasury output for an active slot
    /// is refused while another pool transaction (not one it spends or replaces) does the same for that slot.
    /// </summary>
    private byte? TreasurySlotInUse(Transaction tx, Consensus.State.DrivechainState state, HashSet<MempoolEntry> parents, HashSet<MempoolEntry> evicted)
    {
        var slots = TreasurySlots(tx, state);
        if (slots.Count == 0) return null;
        var ancestors = new HashSet<MempoolEntry>(parents);
        foreach (var p in parents) ancestors.UnionWith(AncestorsOf(p));
        foreach (var other in Pool.Entries)
        {
            if (evicted.Contains(other) || ancestors.Contains(other)) continue;
            foreach (var slot in TreasurySlots(other.Transaction, state))
                if (slots.Contains(slot)) return slot;
        }
        return null;
    }

    internal static HashSet<byte> TreasurySlots(Transaction tx, Consensus.State.DrivechainState state)
    {
        var slots = new HashSet<byte>();
        foreach (var output in tx.Outputs)
            if (TreasuryScript.TryParse(output.ScriptPubKey.Span, out var slot) && state.IsActive(slot)) slots.Add(slot);
        return slots;
    }

    private string? CheckScripts(Transaction tx, TxOut[] spent)
    {
        var data = new PrecomputedTransactionData(tx, spent);
        for (var i = 0; i < tx.Inputs.Length; i++)
        {
            var flags = StandardPolicy.ScriptFlagsFor(spent[i].ScriptPubKey);
            if (ScriptVerifier.VerifyInput(data, i, flags, _node.Secp, out var error)) continue;
            var mandatoryFails = !ScriptVerifier.VerifyInput(data, i, StandardPolicy.Mandatory, _node.Secp, out var mandatoryError);
            return mandatoryFails
                ? $"mandatory-script-verify-flag-failed ({mandatoryError.ToCoreMessage()})"
                : $"non-mandatory-script-verify-flag ({error.ToCoreMessage()})";
        }
        return null;
    }
}
