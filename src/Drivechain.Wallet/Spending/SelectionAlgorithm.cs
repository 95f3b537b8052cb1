namespace Drivechain.Wallet.Spending;

/// <summary>Which coin selection algorithm produced an input set.</summary>
public enum SelectionAlgorithm
{
    /// <summary>Branch-and-bound: an exact-enough match, no change output.</summary>
    BranchAndBound,
    /// <summary>Core's knapsack solver: the subset closest above the target (or the target plus a random change target).</summary>
    Knapsack,
    /// <summary>Largest coins first, with change.</summary>
    LargestFirst,
    /// <summary>The caller named the coins (required inputs, drain).</summary>
    Manual,
}
