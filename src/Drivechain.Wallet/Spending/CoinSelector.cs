using Drivechain.Wallet.Ledger;

namespace Drivechain.Wallet.Spending;

/// <summary>
/// Core's coin selection: branch-and-bound first (an input set whose effective value lands within the cost of a change
/// output above the target, so no change is made); failing that, Core's knapsack solver and largest-first, of which the
/// one with the least waste wins (Core's GetSelectionWaste: per input the fee now minus the fee at the long-term rate,
/// plus the cost of change, or the excess when no change is made; ties go to more inputs, then to knapsack).
/// Effective value = value − the fee of spending the input at the transaction's fee rate.
/// </summary>
public static class CoinSelector
{
    /// <summary>Core's BnB search bound.</summary>
    public const int MaxBnbTries = 100_000;

    /// <summary>Core's knapsack iterations (ApproximateBestSubset).</summary>
    public const int KnapsackIterations = 1000;

    /// <summary>Core's CHANGE_LOWER: the smallest random change target of the knapsack solver.</summary>
    public const long ChangeLower = 50_000;

    /// <summary>Core's CHANGE_UPPER: the largest random change target.</summary>
    public const long ChangeUpper = 1_000_000;

    /// <summary>
    /// Selects coins for <paramref name="target"/> satoshis of effective value (payments plus the fee of everything but
    /// the inputs). <paramref name="inputFee"/> is the fee of one input; <paramref name="costOfChange"/> the fee of
    /// making and later spending a change output; <paramref name="minChange"/> the smallest change worth keeping;
    /// <paramref name="longTermInputFee"/> the fee of one input at the long-term rate (Core's consolidatefeerate; by
    /// default equal to <paramref name="inputFee"/>, so the number of inputs does not change the waste);
    /// <paramref name="random"/> drives the knapsack solver (default <see cref="Random.Shared"/>).
    /// Returns null when the coins cannot cover the target.
    /// </summary>
    public static CoinSelection? Select(IReadOnlyList<WalletCoin> coins, long target, long inputFee, long costOfChange, long minChange,
        long? longTermInputFee = null, Random? random = null)
    {
        var usable = coins.Where(c => c.Satoshis - inputFee > 0).OrderByDescending(c => c.Satoshis).ThenBy(c => c.OutPoint.TxId).ThenBy(c => c.OutPoint.Index).ToList();
        if (BranchAndBound(usable, target, inputFee, costOfChange) is { } exact) return new CoinSelection(exact, SelectionAlgorithm.BranchAndBound);
        var changeTarget = GenerateChangeTarget(target, costOfChange, random ?? Random.Shared);
        var candidates = new[]
        {
            Knapsack(usable, target, inputFee, changeTarget, random ?? Random.Shared) is { } k ? new CoinSelection(k, SelectionAlgorithm.Knapsack) : null,
            LargestFirst(usable, target, inputFee, costOfChange + minChange),
        };
        var longTerm = longTermInputFee ?? inputFee;
        CoinSelection? best = null;
        long bestWaste = 0;
        foreach (var candidate in candidates)
        {
            if (candidate is null) continue;
            var waste = Waste(candidate.Coins, target, inputFee, longTerm, costOfChange, minChange);
            if (best is null || waste < bestWaste || (waste == bestWaste && candidate.Coins.Count > best.Coins.Count))
                (best, bestWaste) = (candidate, waste);
        }
        return best;
    }

    /// <summary>
    /// Core's GetSelectionWaste: Σ(input fee − long-term input fee), plus the cost of change when the excess makes a
    /// change output (at least <paramref name="costOfChange"/> + <paramref name="minChange"/>), else the excess itself.
    /// </summary>
    public static long Waste(IReadOnlyList<WalletCoin> selected, long target, long inputFee, long longTermInputFee, long costOfChange, long minChange)
    {
        var excess = selected.Sum(c => c.Satoshis - inputFee) - target;
        return selected.Count * (inputFee - longTermInputFee) + (excess >= costOfChange + minChange ? costOfChange : excess);
    }

    /// <summary>
    /// Core's GenerateChangeTarget: for payments up to 25,000 sat the change fee plus 50,000 sat, else a random amount in
    /// [50,000, min(2 × payment, 1,000,000)) plus the change fee — so change outputs do not reveal the payment.
    /// </summary>
    public static long GenerateChangeTarget(long payment, long changeFee, Random random)
    {
        if (payment <= ChangeLower / 2) return changeFee + ChangeLower;
        var upper = Math.Min(payment * 2, ChangeUpper);
        return changeFee + ChangeLower + random.NextInt64(upper - ChangeLower);
    }

    /// <summary>Depth-first search over inclusion/omission of coins sorted by value (Core's SelectCoinsBnB); least excess wins.</summary>
    internal static IReadOnlyList<WalletCoin>? BranchAndBound(IReadOnlyList<WalletCoin> sorted, long target, long inputFee, long costOfChange)
    {
        var values = sorted.Select(c => c.Satoshis - inputFee).ToArray();
        var remaining = new long[values.Length + 1];
        for (var i = values.Length - 1; i >= 0; i--) remaining[i] = remaining[i + 1] + values[i];
        if (remaining[0] < target) return null;

        bool[]? best = null;
        var bestExcess = long.MaxValue;
        var chosen = new bool[values.Length];
        var tries = 0;
        void Search(int index, long sum)
        {
            if (++tries > MaxBnbTries || bestExcess == 0) return;
            if (sum > target + costOfChange) return;                    // overshoot: this branch only grows
            if (sum >= target)
            {
                if (sum - target < bestExcess) { bestExcess = sum - target; best = (bool[])chosen.Clone(); }
                return;
            }
            if (index == values.Length || sum + remaining[index] < target) return;   // cannot reach the target
            chosen[index] = true;
            Search(index + 1, sum + values[index]);
            chosen[index] = false;
            // Core's shortcut: omitting a coin equal to the previous omitted one explores the same sums again.
            if (index > 0 && !chosen[index - 1] && values[index] == values[index - 1]) return;
            Search(index + 1, sum);
        }
        Search(0, 0);
        return best is null ? null : sorted.Where((_, i) => best[i]).ToList();
    }

    /// <summary>
    /// Core's KnapsackSolver over effective values: a coin equal to the target wins at once; coins below target + change
    /// target are "applicable", the smallest coin above is the fallback; a randomised search (ApproximateBestSubset) looks
    /// for the applicable subset closest above the target, then above target + change target; the single larger coin is
    /// taken when it is closer or the subsets miss. Null when the coins cannot reach the target.
    /// </summary>
    internal static IReadOnlyList<WalletCoin>? Knapsack(IReadOnlyList<WalletCoin> coins, long target, long inputFee, long changeTarget, Random random)
    {
        WalletCoin? lowestLarger = null;
        var applicable = new List<WalletCoin>();
        long totalLower = 0;
        foreach (var coin in coins.OrderBy(_ => random.Next()))
        {
            var value = coin.Satoshis - inputFee;
            if (value == target) return [coin];
            if (value < target + changeTarget)
            {
                applicable.Add(coin);
                totalLower += value;
            }
            else if (lowestLarger is null || value < lowestLarger.Satoshis - inputFee)
            {
                lowestLarger = coin;
            }
        }
        if (totalLower == target) return applicable;
        if (totalLower < target) return lowestLarger is null ? null : [lowestLarger];

        applicable = [.. applicable.OrderByDescending(c => c.Satoshis)];
        var values = applicable.Select(c => c.Satoshis - inputFee).ToArray();
        var (best, bestTotal) = ApproximateBestSubset(values, totalLower, target, random);
        if (bestTotal != target && totalLower >= target + changeTarget)
            (best, bestTotal) = ApproximateBestSubset(values, totalLower, target + changeTarget, random);
        if (lowestLarger is not null
            && ((bestTotal != target && bestTotal < target + changeTarget) || lowestLarger.Satoshis - inputFee <= bestTotal))
            return [lowestLarger];
        return [.. applicable.Where((_, i) => best[i])];
    }

    /// <summary>Core's ApproximateBestSubset: random inclusion passes, keeping the smallest total that reaches the target.</summary>
    private static (bool[] Best, long Total) ApproximateBestSubset(long[] values, long totalLower, long target, Random random)
    {
        var best = Enumerable.Repeat(true, values.Length).ToArray();
        var bestTotal = totalLower;
        var included = new bool[values.Length];
        for (var rep = 0; rep < KnapsackIterations && bestTotal != target; rep++)
        {
            Array.Clear(included);
            long total = 0;
            var reached = false;
            for (var pass = 0; pass < 2 && !reached; pass++)
                for (var i = 0; i < values.Length; i++)
                {
                    if (pass == 0 ? random.Next(2) == 0 : included[i]) continue;
                    total += values[i];
                    included[i] = true;
                    if (total < target) continue;
                    reached = true;
                    if (total < bestTotal)
                    {
                        bestTotal = total;
                        best = (bool[])included.Clone();
                    }
                    total -= values[i];
                    included[i] = false;
                }
        }
        return (best, bestTotal);
    }

    private static CoinSelection? LargestFirst(IReadOnlyList<WalletCoin> sorted, long target, long inputFee, long changeMargin)
    {
        var selected = new List<WalletCoin>();
        long sum = 0;
        foreach (var coin in sorted)
        {
            selected.Add(coin);
            sum += coin.Satoshis - inputFee;
            if (sum >= target + changeMargin) return new CoinSelection(selected, SelectionAlgorithm.LargestFirst);
        }
        // Not enough for a change output: everything, the excess going to the fee, if it reaches the target at all.
        return sum >= target ? new CoinSelection(selected, SelectionAlgorithm.LargestFirst) : null;
    }
}
