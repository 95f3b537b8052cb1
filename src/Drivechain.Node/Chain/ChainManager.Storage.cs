using System.Diagnostics;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.State;

using Drivechain.Node.Storage;

using Drivechain.Node.Chain.Validation;

namespace Drivechain.Node.Chain;

public sealed partial class ChainManager
{
    /// <summary>Writes the UTXO cache, the block index, undo data and the drivechain state in one transaction.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            if (_database is not null && !_disposed) FlushCore(clearCache: false);
        }
    }

    /// <summary>Estimated bytes of one spent coin kept for undo until the next flush (entry, output, script header).</summary>
    private const int UndoCoinBytes = 120;

    /// <summary>Estimated bytes of one block's drivechain undo kept until the next flush.</summary>
    private const int UndoBlockBytes = 256;

    private long _undoBytes;   // estimated memory of _undo (disk mode: what waits for the next flush)

    /// <summary>Keeps a connected block's undo data until the next flush (disk mode) or for good (memory mode).</summary>
    private void RememberUndo(UInt256 hash, BlockUndoRecord undo)
    {
        _undo[hash] = undo;
        long bytes = UndoBlockBytes;
        foreach (var (_, coin) in undo.Spent) bytes += UndoCoinBytes + coin.Output.ScriptPubKey.Length;
        _undoBytes += bytes;
    }

    /// <summary>
    /// SQLite's page cache, taken out of <c>-dbcache</c> as Core gives its coins database a share: 1/64 of it, between 2 and
    /// 64 MiB (7 MiB at the default). The coins cache itself holds what is hot; the page cache serves index pages and misses.
    /// </summary>
    internal static long SqlitePageCacheBytes(long dbCacheBytes) => Math.Clamp(dbCacheBytes / 64, 2L << 20, 64L << 20);

    /// <summary>Estimated memory of the coins cache and the undo data waiting for the next flush (what -dbcache bounds).</summary>
    internal long CacheUsageBytes => _coins.UsageBytes + _undoBytes;

    /// <summary>
    /// As Core's FlushStateToDisk(IF_NEEDED): when the coins cache and pending undo outgrow <see cref="ChainManagerOptions.DbCacheBytes"/>
    /// (or the coin count cap), write them in one batch and empty the cache; otherwise write (keeping the cache warm) every
    /// <see cref="ChainManagerOptions.FlushIntervalBlocks"/> blocks, which bounds what a crash can lose.
    /// </summary>
    private void MaybeFlush()
    {
        if (_database is null) return;
        if (CacheUsageBytes > _options.DbCacheBytes || _coins.Count > _options.MaxCachedCoins) FlushCore(clearCache: true);
        else if (_blocksSinceFlush >= _options.FlushIntervalBlocks) FlushCore(clearCache: false);
    }

    private void FlushIfOnDisk()
    {
        if (_database is not null) FlushCore(clearCache: false);
    }

    private void FlushCore(bool clearCache)
    {
        var database = _database!;
        long start = Stopwatch.GetTimestamp();
        // Block bytes first: the index committed below must never point at bytes that are not on disk.
        _blockFiles!.Flush();
        database.BeginBatch();
        try
        {
            foreach (var index in _dirtyIndex) database.PutBlockIndex(index);
            foreach (var (hash, undo) in _undo) database.PutUndo(hash, undo.SerializeSpent(), undo.Drivechain.ToBytes());
            _coins.WriteTo(database);
            Span<byte> best = stackalloc byte[32];
            _active.Tip!.Hash.WriteTo(best);
            database.PutMeta(Storage.ChainDatabase.BestBlockKey, best);
            database.PutMeta(Storage.ChainDatabase.DrivechainStateKey, _drivechainState.ToBytes());
            database.CommitBatch();
        }
        catch (Exception e)
        {
            database.RollbackBatch();
            if (e is SqliteException) throw new StorageFailureException($"Writing the chain state failed: {e.Message}", e);
            throw;
        }
        _dirtyIndex.Clear();
        _undo.Clear();
        _undoBytes = 0;
        _coins.AfterFlush(clearCache);
        _blocksSinceFlush = 0;
        _statistics = _statistics with { FlushTicks = _statistics.FlushTicks + (Stopwatch.GetTimestamp() - start), Flushes = _statistics.Flushes + 1 };
    }

    /// <summary>
    /// A block file cut short (a disk problem, a copy interrupted, a crash of the file system) would otherwise go unnoticed
    /// until the missing block is read, and new blocks would be appended over the hole: refuse to start instead, naming
    /// the file, and let -reindex rebuild the index from the blocks that remain.
    /// </summary>
    private void CheckBlockFilesHoldIndexedBlocks()
    {
        var ends = new Dictionary<int, long>();
        foreach (var index in _index.Values)
        {
            if (!index.HasData || !index.FilePosition.IsSet) continue;
            var position = index.FilePosition;
            long end = position.Offset + position.Size;
            if (!ends.TryGetValue(position.File, out var known) || end > known) ends[position.File] = end;
        }
        foreach (var (file, end) in ends)
        {
            long length = _blockFiles!.Length(file);
            if (length < end)
                throw new IOException(
                    $"Block file {_blockFiles.FileName(file)} is truncated: the block index needs {end} bytes but the file has {length}. " +
                    "Restart with -reindex to rebuild the chain state from the blocks that remain.");
        }
    }

    /// <summary>Rebuilds the tree from the database and resumes at the stored best block (or starts from genesis).</summary>
    private void Load()
    {
        var database = _database!;
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
            BlockIndex? parent = null;
            if (row.Height > 0 && !_index.TryGetValue(row.Header.PreviousBlockHash, out parent))
                throw new IOException($"block index: {row.Header.Hash} has no parent {row.Header.PreviousBlockHash}");
            var index = new BlockIndex(row.Header, parent, row.SequenceId)
            {
                Status = row.Status,
                FilePosition = row.Position,
                TransactionCount = row.TransactionCount,
                Failure = row.FailureCode is null && row.FailureReason is null ? null : BlockRejection.FromStored(row.FailureCode, row.FailureReason),
            };
            SetMinDifficultyWalkBits(index);
            _index.Add(index.Hash, index);
            _nextSequenceId = Math.Max(_nextSequenceId, row.SequenceId + 1);
        }
        if (_index.GetValueOrDefault(_network.Genesis.Hash) is null)
            throw new IOException("block index: the database belongs to another network (genesis block missing)");
        CheckBlockFilesHoldIndexedBlocks();
        var bestBytes = database.ReadMeta(Storage.ChainDatabase.BestBlockKey) ?? throw new IOException("chain database: no best block");
        var best = _index.GetValueOrDefault(new UInt256(bestBytes)) ?? throw new IOException("chain database: best block not in the index");
        var stateBytes = database.ReadMeta(Storage.ChainDatabase.DrivechainStateKey) ?? throw new IOException("chain database: no drivechain state");
        _drivechainState = DrivechainState.Parse(stateBytes);
        _active.SetTip(best);
        progress?.Report(new ChainLoadProgress(ChainLoadPhase.LoadingBlockIndex, stored.Count, stored.Count, stored.Count, best.Height, IsFinal: true));
        RebuildCandidates();
        // Stored blocks that lead to more work than the best block (stored but not yet connected at the flush) connect now.
        ActivateBestChain();
    }
}
