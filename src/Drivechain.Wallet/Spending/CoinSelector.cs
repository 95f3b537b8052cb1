using Drivechain.Wallet.Ledger;

namespace Drivechain.Wallet.Spending;

/// <summary>
/// Core's coin selection in two of its algorithms: branch-and-bound first (an input set whose effective value lands
/// within the cost of a change output above the target, so no change is made), then largest-first with change.
/// Effective value = value − the fee of spending the input at the transaction's fee rate.
/// </summary>
public static class CoinSelector
{
    /// <summary>Core's BnB search bound.</summary>
    public const int MaxBnbTries = 100_000;

    /// <summary>
    /// Selects coins for <paramref name="target"/> satoshis of effective value (payments plus the fee of everything but
    /// the inputs). <paramref name="inputFee"/> is the fee of one input; <paramref name="costOfChange"/> the fee of
    /// making and later spending a change output; <paramref name="minChange"/> the smallest change worth keeping.
    /// Returns null when the coins cannot cover the target.
    /// </summary>
    public static CoinSelection? Select(IReadOnlyList<WalletCoin> coins, long target, long inputFee, long costOfChange, long minChange)
    {
        var usable = coins.Where(c => c.Satoshis - inputFee > 0).OrderByDescending(c => c.Satoshis).ThenBy(c => c.OutPoint.TxId).ThenBy(c => c.OutPoint.Index).ToList();
        if (BranchAndBound(usable, target, inputFee, costOfChange) is { } exact) return new CoinSelection(exact, SelectionAlgorithm.BranchAndBound);
        return LargestFirst(usable, target, inputFee, costOfChange + minChange);
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
