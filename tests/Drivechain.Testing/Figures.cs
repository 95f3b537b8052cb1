namespace Drivechain.Testing;

/// <summary>Summaries of measured figures that tests and benchmarks print (never assert).</summary>
public static class Figures
{
    /// <summary>The nearest-rank percentile <paramref name="p"/> (0 &lt; p ≤ 1) of <paramref name="values"/> (not changed).</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) throw new ArgumentException("no values", nameof(values));
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
