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
    public int FlushIntervalBlocks { get; init; } = 10_000;

    /// <summary>
    /// Disk mode: write the undo data of connected blocks on its own once this much waits for the next flush (Core writes
    /// rev*.dat as blocks connect), so it does not pile up in memory for <see cref="FlushIntervalBlocks"/> blocks.
    /// </summary>
    public long UndoSpillBytes { get; init; } = 4 << 20;

    /// <summary>Disk mode: flush (and empty the cache) when it holds more coins than this (a cap beside <see cref="DbCacheBytes"/>).</summary>
    public int MaxCachedCoins { get; init; } = int.MaxValue;

    /// <summary>
    /// Disk mode: Core's <c>-dbcache</c> in bytes (default 450 MiB): when the coins cache and the undo data waiting for the next
    /// flush are estimated to need more memory than this, they are written in one batch and the cache is emptied.
    /// </summary>
    public long DbCacheBytes { get; init; } = DefaultDbCacheMiB << 20;

    /// <summary>Core's default <c>-dbcache</c>, in MiB.</summary>
    public const long DefaultDbCacheMiB = 450;

    /// <summary>Core's least <c>-dbcache</c>, in MiB: smaller values are raised to it.</summary>
    public const long MinDbCacheMiB = 4;

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

    /// <summary>
    /// Told the name of every <see cref="Validation.BlockPipeline"/> stage as it starts (tests prove with it that every entry
    /// point runs the same list). Called with the chain's lock held.
    /// </summary>
    public Action<string>? PipelineTrace { get; init; }
}
