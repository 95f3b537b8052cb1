namespace Drivechain.Node.Chain;

/// <summary>Tuning and environment of a <see cref="ChainManager"/>.</summary>
public sealed record ChainManagerOptions
{
    /// <summary>True when the caller already holds the data directory's lock (the node's host takes it first).</summary>
    public bool DataDirectoryLockHeld { get; init; }

    /// <summary>Free bytes on the disk holding a directory; null asks the file system (tests inject a full disk).</summary>
    public Func<string, long>? FreeSpace { get; init; }

    /// <summary>Source of "now" for the time-too-new check (default: the system clock).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Disk mode: flush the UTXO cache, index and state after this many connected blocks.</summary>
    public int FlushIntervalBlocks { get; init; } = 2000;

    /// <summary>Disk mode: flush (and empty the cache) when it holds more coins than this.</summary>
    public int MaxCachedCoins { get; init; } = 2_000_000;

    /// <summary>Verify the scripts of big blocks in parallel (default) or always on the calling thread.</summary>
    public bool ParallelScriptChecks { get; init; } = true;

    /// <summary>
    /// Blocks with fewer inputs than this verify their scripts on the calling thread even when
    /// <see cref="ParallelScriptChecks"/> is on: for small blocks handing work to other threads costs more than
    /// it saves (measured: a 20,000-block chain of 1–5-input blocks imports ~2.5× faster sequentially).
    /// </summary>
    public int ParallelScriptCheckMinInputs { get; init; } = 64;

    /// <summary>Skip script verification entirely (for trusted replays and benchmarks of the other rules).</summary>
    public bool SkipScriptChecks { get; init; }

    /// <summary>
    /// Receives progress while the chain loads (<see cref="ChainManager.Open"/>) or is rebuilt (<see cref="ChainManager.Reindex"/>):
    /// often (the receiver throttles), always once at the end of a phase, and once for every block a reindex rejects.
    /// Called on the loading thread with the chain's lock held: it must not call back into the chain.
    /// </summary>
    public IProgress<ChainLoadProgress>? Progress { get; init; }
}
