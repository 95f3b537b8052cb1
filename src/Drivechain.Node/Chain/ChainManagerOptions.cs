namespace Drivechain.Node.Chain;

/// <summary>Tuning and environment of a <see cref="ChainManager"/>.</summary>
public sealed record ChainManagerOptions
{
    /// <summary>Source of "now" for the time-too-new check (default: the system clock).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Disk mode: flush the UTXO cache, index and state after this many connected blocks.</summary>
    public int FlushIntervalBlocks { get; init; } = 2000;

    /// <summary>Disk mode: flush (and empty the cache) when it holds more coins than this.</summary>
    public int MaxCachedCoins { get; init; } = 2_000_000;

    /// <summary>Verify scripts in parallel (default) or on the calling thread.</summary>
    public bool ParallelScriptChecks { get; init; } = true;

    /// <summary>Skip script verification entirely (for trusted replays and benchmarks of the other rules).</summary>
    public bool SkipScriptChecks { get; init; }
}
