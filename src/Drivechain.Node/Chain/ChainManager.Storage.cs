using System.Diagnostics;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.State;
using Drivechain.Node.Storage;

namespace Drivechain.Node.Chain;

public sealed partial class ChainManager
{
    /// <summary>Writes the UTXO cache, the block index, undo data and the drivechain state in one transaction.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            if (!_store.IsInMemory && !_disposed) FlushCore(clearCache: false);
        }
    }

    /// <summary>
    /// SQLite's page cache, taken out of <c>-dbcache</c> as Core gives its coins database a share: 1/64 of it, between 2 and
    /// 64 MiB (7 MiB at the default). The coins cache itself holds what is hot; the page cache serves index pages and misses.
    /// </summary>
    internal static long SqlitePageCacheBytes(long dbCacheBytes) => Math.Clamp(dbCacheBytes / 64, 2L << 20, 64L << 20);

    /// <summary>Estimated memory of the coins cache and the undo data waiting for the next flush (what -dbcache bounds).</summary>
    internal long CacheUsageBytes => _state.Coins.UsageBytes + _store.UndoBytes;

    /// <summary>
    /// As Core's FlushStateToDisk(IF_NEEDED): when the coins cache and pending undo outgrow <see cref="ChainManagerOptions.DbCacheBytes"/>
    /// (or the coin count cap), write them in one batch and empty the cache; otherwise write (keeping the cache warm) every
    /// <see cref="ChainManagerOptions.FlushIntervalBlocks"/> blocks, which bounds what a crash can lose.
    /// </summary>
    private void MaybeFlush()
    {
        if (_store.IsInMemory) return;
        if (CacheUsageBytes > _options.DbCacheBytes || _state.Coins.Count > _options.MaxCachedCoins) FlushCore(clearCache: true);
        else if (_store.BlocksSinceFlush >= _options.FlushIntervalBlocks) FlushCore(clearCache: false);
        else if (_store.UndoBytes > _options.UndoSpillBytes)
        {
            long start = Stopwatch.GetTimestamp();
            _store.SpillUndo();
            _statistics = _statistics with { UndoWrites = _statistics.UndoWrites + 1, UndoWriteTicks = _statistics.UndoWriteTicks + (Stopwatch.GetTimestamp() - start) };
        }
    }

    private void FlushIfOnDisk()
    {
        if (!_store.IsInMemory) FlushCore(clearCache: false);
    }

    private void FlushCore(bool clearCache)
    {
        long start = Stopwatch.GetTimestamp();
        _store.Write(_tree.TakeChanged(), _state.Coins, _tree.Tip!.Hash, _state.Drivechain, clearCache);
        _statistics = _statistics with { FlushTicks = _statistics.FlushTicks + (Stopwatch.GetTimestamp() - start), Flushes = _statistics.Flushes + 1 };
    }

    /// <summary>Rebuilds the tree from the database and resumes at the stored best block (or starts from genesis).</summary>
    private void Load()
    {
        var database = _store.Database!;
        var stored = database.LoadBlockIndex();
        if (stored.Count == 0)
        {
            InitialiseGenesis();
            FlushCore(clearCache: false);
            return;
        }
        var progress = _options.Progress;
        long loaded = 0;
        foreach (var row in stored)
        {
            if (progress is not null && ++loaded % 1000 == 0)
                progress.Report(new ChainLoadProgress(ChainLoadPhase.LoadingBlockIndex, loaded, stored.Count, loaded, -1));
            _tree.AddStored(row);
        }
        if (!_tree.Contains(_network.Genesis.Hash))
            throw new IOException("block index: the database belongs to another network (genesis block missing)");
        _store.CheckBlockFilesHold(_tree.Entries);
        var bestBytes = database.ReadMeta(ChainDatabase.BestBlockKey) ?? throw new IOException("chain database: no best block");
        var best = _tree.Get(new UInt256(bestBytes)) ?? throw new IOException("chain database: best block not in the index");
        var stateBytes = database.ReadMeta(ChainDatabase.DrivechainStateKey) ?? throw new IOException("chain database: no drivechain state");
        _state.Drivechain = DrivechainState.Parse(stateBytes);
        _tree.Active.SetTip(best);
        progress?.Report(new ChainLoadProgress(ChainLoadPhase.LoadingBlockIndex, stored.Count, stored.Count, stored.Count, best.Height, IsFinal: true));
        _tree.RebuildCandidates();
        // Stored blocks that lead to more work than the best block (stored but not yet connected at the flush) connect now.
        ActivateBestChain();
    }
}
