using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Wallet.Ledger;

namespace Drivechain.Wallet.Spending;

/// <summary>
/// Builds the unsigned transaction of a <see cref="SpendRequest"/>: foreign inputs, required coins, then coins chosen by
/// <see cref="CoinSelector"/>; the requested outputs in order, change (when worth keeping) last; the fee from the rate
/// and the estimated vsize, or exactly the absolute fee. Pure: nothing changes when it throws.
/// </summary>
public static class TransactionPlanner
{
    /// <summary>Core's dust threshold of a P2WPKH output at the 3 sat/vB dust relay fee.</summary>
    public const long ChangeDust = 294;

    /// <summary>Core's DEFAULT_CONSOLIDATE_FEERATE (10 sat/vB): the long-term rate coin selection weighs input waste against.</summary>
    public const long LongTermFeeRatePerKvB = 10_000;

    /// <summary>Plans the transaction; throws <see cref="InsufficientFundsException"/> when the coins do not suffice.</summary>
    public static PlannedTransaction Plan(SpendRequest request, IReadOnlyList<WalletCoin> available)
    {
        var required = request.RequiredCoins;
        var requiredSet = required.Select(c => c.OutPoint).ToHashSet();
        var pool = available.Where(c => !requiredSet.Contains(c.OutPoint)).ToList();
        var payments = request.Outputs.Sum(o => o.Value.Satoshis);
        var foreignValue = request.ForeignInputs.Sum(f => f.Output.Value.Satoshis);

        if (request.DrainTo is { } drainScript)
            return Drain(request, required.Concat(pool).ToList(), drainScript, payments, foreignValue);

        var (rate, absolute) = request.Fee switch
        {
            FeeMode.Rate r => (r.SatPerKvB, -1L),
            FeeMode.Absolute a => (0L, a.Satoshis),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
        var changeOutput = new TxOut(Money.Zero, request.ChangeScript);

        var fixedFlags = Flags(request.ForeignInputs.Count, required.Count);
        var subtract = request.SubtractFeeFromOutputs;
        if (subtract.Count > 0) return PlanSubtractingFee(request, pool, rate, absolute, payments, foreignValue);
        var fixedFee = absolute >= 0 ? absolute : TransactionSizes.Fee(TransactionSizes.EstimateVSize(fixedFlags, request.Outputs), rate);
        var need = payments + fixedFee - foreignValue - required.Sum(c => c.Satoshis);

        IReadOnlyList<WalletCoin> selected = [];
        var algorithm = SelectionAlgorithm.Manual;
        if (need > 0 || (absolute >= 0 && need < 0 && need > -ChangeDust))
        {
            if (!request.AddInputs) throw Insufficient(need);
            var inputFee = TransactionSizes.Fee(TransactionSizes.P2wpkhInputVSize, rate);
            var costOfChange = TransactionSizes.Fee(TransactionSizes.P2wpkhOutputSize, rate) + inputFee;
            var target = need > 0 ? need : need + ChangeDust;   // an exact fee with sub-dust change: add a coin instead
            // Waste is weighed against Core's consolidation rate; an exact fee does not grow with inputs, so none then.
            var longTermInputFee = absolute >= 0 ? 0 : TransactionSizes.Fee(TransactionSizes.P2wpkhInputVSize, LongTermFeeRatePerKvB);
            var selection = CoinSelector.Select(pool, target, inputFee, costOfChange, ChangeDust, longTermInputFee) ?? throw Insufficient(need);
            selected = selection.Coins;
            algorithm = selection.Algorithm;
        }

        var coins = required.Concat(selected).ToList();
        var flags = Flags(request.ForeignInputs.Count, coins.Count);
        var totalIn = foreignValue + coins.Sum(c => c.Satoshis);
        var outputs = request.Outputs.ToList();
        long fee;
        var changeIndex = -1;
        if (absolute >= 0)
        {
            fee = absolute;
            var change = totalIn - payments - fee;
            if (change < 0) throw Insufficient(-change);
            if (change > 0)
            {
                if (change < ChangeDust) throw new InsufficientFundsException("The exact fee would leave a change output below the dust threshold");
                changeIndex = outputs.Count;
                outputs.Add(changeOutput with { Value = new Money(change) });
            }
        }
        else
        {
            var feeWithout = TransactionSizes.Fee(TransactionSizes.EstimateVSize(flags, outputs), rate);
            if (totalIn - payments - feeWithout < 0) throw Insufficient(payments + feeWithout - totalIn);
            var feeWith = TransactionSizes.Fee(TransactionSizes.EstimateVSize(flags, outputs.Append(changeOutput)), rate);
            var change = totalIn - payments - feeWith;
            if (algorithm != SelectionAlgorithm.BranchAndBound && change >= ChangeDust)
            {
                fee = feeWith;
                changeIndex = outputs.Count;
                outputs.Add(changeOutput with { Value = new Money(change) });
            }
            else
            {
                fee = totalIn - payments;   // no change: the excess (at most the cost of change) is fee
            }
        }

        return Assemble(request, coins, outputs, fee, changeIndex, algorithm);
    }

    /// <summary>
    /// Core's subtractFeeFromOutputs: coins are selected by value for the payments alone (no branch-and-bound, as Core),
    /// change (when not dust) goes last, and the fee needed is taken from the listed outputs in equal shares, the first
    /// also paying the remainder; change below dust goes to the fee. An output left at or below dust is an error.
    /// </summary>
    private static PlannedTransaction PlanSubtractingFee(SpendRequest request, List<WalletCoin> pool, long rate, long absolute, long payments, long foreignValue)
    {
        var subtract = request.SubtractFeeFromOutputs;
        if (subtract.Any(i => i < 0 || i >= request.Outputs.Count) || subtract.Distinct().Count() != subtract.Count)
            throw new ArgumentOutOfRangeException(nameof(request), "subtractFeeFromOutputs must list distinct output positions");
        var required = request.RequiredCoins;
        var need = payments - foreignValue - required.Sum(c => c.Satoshis);
        IReadOnlyList<WalletCoin> selected = [];
        var algorithm = SelectionAlgorithm.Manual;
        if (need > 0)
        {
            if (!request.AddInputs) throw Insufficient(need);
            var costOfChange = TransactionSizes.Fee(TransactionSizes.P2wpkhOutputSize + TransactionSizes.P2wpkhInputVSize, rate);
            var selection = CoinSelector.Select(pool, need, 0, costOfChange, ChangeDust) ?? throw Insufficient(need);
            selected = selection.Coins;
            algorithm = selection.Algorithm == SelectionAlgorithm.BranchAndBound ? SelectionAlgorithm.LargestFirst : selection.Algorithm;
        }
        var coins = required.Concat(selected).ToList();
        var flags = Flags(request.ForeignInputs.Count, coins.Count);
        var outputs = request.Outputs.ToList();
        var changeOutput = new TxOut(Money.Zero, request.ChangeScript);
        var change = foreignValue + coins.Sum(c => c.Satoshis) - payments;
        var changeIndex = -1;
        if (change >= ChangeDust)
        {
            changeIndex = outputs.Count;
            outputs.Add(changeOutput with { Value = new Money(change) });
        }
        var needed = absolute >= 0 ? absolute : TransactionSizes.Fee(TransactionSizes.EstimateVSize(flags, outputs), rate);
        var share = needed / subtract.Count;
        for (var i = 0; i < subtract.Count; i++)
        {
            var position = subtract[i];
            var reduced = outputs[position].Value.Satoshis - share - (i == 0 ? needed % subtract.Count : 0);
            var output = outputs[position] with { Value = new Money(Math.Max(0, reduced)) };
            if (reduced <= 0 || reduced < TransactionSizes.DustThreshold(output))
                throw new InsufficientFundsException("The transaction amount is too small to pay the fee");
            outputs[position] = output;
        }
        var fee = needed + (changeIndex < 0 ? change : 0);
        return Assemble(request, coins, outputs, fee, changeIndex, algorithm);
    }

    private static PlannedTransaction Drain(SpendRequest request, List<WalletCoin> coins, Script drainScript, long payments, long foreignValue)
    {
        if (coins.Count == 0 && request.ForeignInputs.Count == 0) throw Insufficient(payments);
        var flags = Flags(request.ForeignInputs.Count, coins.Count);
        var outputs = request.Outputs.Append(new TxOut(Money.Zero, drainScript)).ToList();
        var fee = request.Fee is FeeMode.Absolute a ? a.Satoshis
            : TransactionSizes.Fee(TransactionSizes.EstimateVSize(flags, outputs), ((FeeMode.Rate)request.Fee).SatPerKvB);
        var rest = foreignValue + coins.Sum(c => c.Satoshis) - payments - fee;
        if (rest < ChangeDust) throw Insufficient(ChangeDust - rest);
        outputs[^1] = outputs[^1] with { Value = new Money(rest) };
        return Assemble(request, coins, outputs, fee, -1, SelectionAlgorithm.Manual);
    }

    private static PlannedTransaction Assemble(SpendRequest request, IReadOnlyList<WalletCoin> coins, List<TxOut> outputs, long fee,
        int changeIndex, SelectionAlgorithm algorithm)
    {
        var sequence = request.Replaceable ? 0xfffffffdu : 0xfffffffeu;
        var inputs = request.ForeignInputs.Select(f => new TxIn(f.OutPoint, Script.Empty, sequence))
            .Concat(coins.Select(c => new TxIn(c.OutPoint, Script.Empty, sequence)))
            .ToImmutableArray();
        var spent = request.ForeignInputs.Select(f => f.Output).Concat(coins.Select(c => c.Output)).ToList();
        var tx = new Transaction(2, inputs, [.. outputs], request.LockTime);
        return new PlannedTransaction(tx, spent, coins, fee, changeIndex, algorithm);
    }

    private static bool[] Flags(int foreign, int wallet) => [.. Enumerable.Repeat(false, foreign), .. Enumerable.Repeat(true, wallet)];

    private static InsufficientFundsException Insufficient(long missing) =>
        new($"Insufficient funds (missing {missing} satoshis)");
}
