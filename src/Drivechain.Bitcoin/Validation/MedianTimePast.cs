namespace Drivechain.Bitcoin.Validation;

/// <summary>BIP113 median time past.</summary>
public static class MedianTimePast
{
    /// <summary>
    /// The median of the given block times, as Core's GetMedianTimePast: pass a block's own time and those of up to
    /// ten predecessors (any order); the middle element after sorting (the upper one for an even count) is returned.
    /// </summary>
    /// <exception cref="ArgumentException">No time, or more than eleven.</exception>
    public static uint Compute(ReadOnlySpan<uint> times)
    {
        if (times.IsEmpty || times.Length > ConsensusLimits.MedianTimeSpan)
            throw new ArgumentException($"expected 1 to {ConsensusLimits.MedianTimeSpan} times, got {times.Length}", nameof(times));
        Span<uint> sorted = stackalloc uint[times.Length];
        times.CopyTo(sorted);
        sorted.Sort();
        return sorted[sorted.Length / 2];
    }
}
