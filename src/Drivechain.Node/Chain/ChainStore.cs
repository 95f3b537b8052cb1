using System.Buffers;
using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;
using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus.State;
using Drivechain.Node.Storage;

namespace Drivechain.Node.Chain;

/// <summary>
/// Where the chain's bytes live: block data (block files, or memory for an in-memory chain), undo data (kept in memory
/// until the next flush, then in the database) and the database writes of a flush. No validation, no chain selection:
/// <see cref="ChainManager"/> owns it and calls it under its lock.
/// </summary>
internal sealed class ChainStore(ChainDatabase? database, BlockFileStore? blockFiles, DataDirectoryLock? lockFile) : IDisposable
{
    /// <summary>Estimated bytes of one block's pending undo beyond its two byte arrays (dictionary slot, array headers).</summary>
    private const int UndoEntryBytes = 112;

    private readonly Dictionary<UInt256, Block> _memoryBlocks = [];
    private readonly Dictionary<UInt256, BlockUndoRecord> _undo = [];   // memory mode only: every connected block's undo
    // Disk mode: the undo of blocks connected since the last flush, serialized once when the block connects (as Core writes
    // rev*.dat as it goes): two compact arrays per block instead of an object graph per spent coin and drivechain slot.
    private readonly Dictionary<UInt256, PendingUndo> _pendingUndo = [];
    private long _undoBytes;
    private ArrayBufferWriter<byte> _stateBuffer = new(1024);   // the drivechain state's bytes, reused by every flush

    private readonly record struct PendingUndo(byte[] Base, byte[] Drivechain);

    public bool IsInMemory => database is null;

    /// <summary>The database (null in memory mode).</summary>
    public ChainDatabase? Database => database;

    /// <summary>The block files (null in memory mode).</summary>
    public BlockFileStore? BlockFiles => blockFiles;

    /// <summary>Estimated memory of the undo data waiting for the next flush.</summary>
    public long UndoBytes => _undoBytes;

    /// <summary>Blocks connected or disconnected since the last flush.</summary>
    public int BlocksSinceFlush { get; set; }

    /// <summary>
    /// Stores a block's bytes: appended to the block files, kept in memory, or left where they already are
    /// (<paramref name="stored"/>, a reindex). The position to record in its index entry.
    /// </summary>
    public BlockFilePosition Store(Block block, BlockFilePosition stored)
    {
        if (stored.IsSet) return stored;
        if (blockFiles is null)
        {
            _memoryBlocks[block.Hash] = block;
            return BlockFilePosition.None;
        }
        // Serialized into a pooled buffer: the bytes only pass through on their way to the block file.
        var size = block.TotalSize;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var writer = new BitcoinWriter(buffer.AsSpan(0, size));
            block.WriteTo(ref writer);
            return blockFiles.Append(buffer.AsSpan(0, size));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Block ReadBlock(BlockIndex index)
    {
        if (_memoryBlocks.TryGetValue(index.Hash, out var block)) return block;
        if (blockFiles is null || !index.FilePosition.IsSet) throw new InvalidOperationException($"block {index} has no stored data");
        var bytes = blockFiles.Read(index.FilePosition);
        if (!Block.TryParse(bytes, out block, out var error)) throw new IOException($"stored block {index} does not parse: {error}");
        return block;
    }

    public BlockUndoRecord ReadUndo(BlockIndex index)
    {
        if (_undo.TryGetValue(index.Hash, out var undo)) return undo;
        if (!TryGetSerializedUndo(index.Hash, out var baseUndo, out var drivechainUndo))
            throw new InvalidOperationException($"no undo data for {index}: cannot disconnect it");
        return new BlockUndoRecord(BlockUndoRecord.ParseSpent(baseUndo), BlockUndo.Parse(drivechainUndo));
    }

    /// <summary>
    /// Keeps a connected block's undo data for good (memory mode), or serialized until the next flush writes it (disk mode).
    /// </summary>
    public void RememberUndo(UInt256 hash, BlockUndoRecord undo)
    {
        if (database is null)
        {
            _undo[hash] = undo;
            return;
        }
        var pending = new PendingUndo(undo.SerializeSpent(), undo.Drivechain.ToBytes());
        if (_pendingUndo.Remove(hash, out var replaced)) _undoBytes -= UndoEntryBytes + replaced.Base.Length + replaced.Drivechain.Length;
        _pendingUndo[hash] = pending;
        _undoBytes += UndoEntryBytes + pending.Base.Length + pending.Drivechain.Length;
    }

    /// <summary>
    /// Writes the undo data waiting for the flush in a transaction of its own and forgets it, as Core writes rev*.dat while
    /// blocks connect. Undo rows of blocks beyond the last flushed tip are harmless: after a crash those blocks connect again
    /// and replace them, and a block's undo is read by hash only once the block is connected.
    /// </summary>
    public void SpillUndo()
    {
        InTransaction(database!, "undo data", WritePendingUndo);
        _pendingUndo.Clear();   // capacity kept: it fills again
        _undoBytes = 0;
    }

    private void WritePendingUndo(ChainDatabase db)
    {
        foreach (var (hash, undo) in _pendingUndo) db.PutUndo(hash, undo.Base, undo.Drivechain);
    }

    /// <summary>Runs <paramref name="write"/> in one database transaction: committed, or rolled back and reported.</summary>
    private static void InTransaction(ChainDatabase db, string what, Action<ChainDatabase> write)
    {
        db.BeginBatch();
        try
        {
            write(db);
            db.CommitBatch();
        }
        catch (Exception e)
        {
            db.RollbackBatch();
            if (e is SqliteException) throw new StorageFailureException($"Writing {what} failed: {e.Message}", e);
            throw;
        }
    }

    /// <summary>The coins a connected block spent, from its undo data; false when it has none.</summary>
    public bool TryGetSpent(UInt256 hash, out ImmutableArray<CoinEntry> spent)
    {
        spent = default;
        if (_undo.TryGetValue(hash, out var undo))
        {
            spent = undo.Spent;
            return true;
        }
        if (!TryGetSerializedUndo(hash, out var baseUndo, out _)) return false;
        spent = BlockUndoRecord.ParseSpent(baseUndo);
        return true;
    }

    private bool TryGetSerializedUndo(UInt256 hash, out byte[] baseUndo, out byte[] drivechainUndo)
    {
        if (_pendingUndo.TryGetValue(hash, out var pending))
        {
            (baseUndo, drivechainUndo) = (pending.Base, pending.Drivechain);
            return true;
        }
        baseUndo = drivechainUndo = [];
        return database is not null && database.TryReadUndo(hash, out baseUndo, out drivechainUndo);
    }

    /// <summary>Commits one index entry at once (an acknowledged block survives a kill; its bytes are already written).</summary>
    public void PersistIndexEntry(BlockIndex index)
    {
        if (database is null) return;
        InTransaction(database, "the block index", db => db.PutBlockIndex(index));
    }

    /// <summary>
    /// A flush: block bytes to disk first (the index must never point at bytes that are not there), then in one database
    /// transaction the changed index entries, the pending undo data, the coins cache, the best block and the drivechain state.
    /// </summary>
    public void Write(IReadOnlyCollection<BlockIndex> changed, CoinsCache coins, UInt256 best, DrivechainState state, bool clearCache)
    {
        blockFiles!.Flush();
        InTransaction(database!, "the chain state", db =>
        {
            foreach (var index in changed) db.PutBlockIndex(index);
            WritePendingUndo(db);
            coins.WriteTo(db);
            Span<byte> bestBytes = stackalloc byte[32];
            best.WriteTo(bestBytes);
            db.PutMeta(ChainDatabase.BestBlockKey, bestBytes);
            // Replaced rather than grown when the state outgrew it: growing would add its old capacity on top (a third too much).
            if (state.EncodedSizeEstimate() is var needed && _stateBuffer.Capacity < needed) _stateBuffer = new ArrayBufferWriter<byte>(needed);
            _stateBuffer.ResetWrittenCount();
            state.WriteTo(_stateBuffer);
            db.PutMeta(ChainDatabase.DrivechainStateKey, _stateBuffer.WrittenSpan);
        });
        _pendingUndo.Clear();
        _pendingUndo.TrimExcess();
        _undoBytes = 0;
        coins.AfterFlush(clearCache);
        BlocksSinceFlush = 0;
    }

    /// <summary>
    /// A block file cut short (a disk problem, a copy interrupted, a crash of the file system) would otherwise go unnoticed
    /// until the missing block is read, and new blocks would be appended over the hole: refuse to start instead, naming
    /// the file, and let -reindex rebuild the index from the blocks that remain.
    /// </summary>
    public void CheckBlockFilesHold(IEnumerable<BlockIndex> entries)
    {
        var ends = new Dictionary<int, long>();
        foreach (var index in entries)
        {
            if (!index.HasData || !index.FilePosition.IsSet) continue;
            var position = index.FilePosition;
            long end = position.Offset + position.Size;
            if (!ends.TryGetValue(position.File, out var known) || end > known) ends[position.File] = end;
        }
        foreach (var (file, end) in ends)
        {
            long length = blockFiles!.Length(file);
            if (length < end)
                throw new IOException(
                    $"Block file {blockFiles.FileName(file)} is truncated: the block index needs {end} bytes but the file has {length}. " +
                    "Restart with -reindex to rebuild the chain state from the blocks that remain.");
        }
    }

    public void Dispose()
    {
        database?.Dispose();
        blockFiles?.Dispose();
        lockFile?.Dispose();
    }
}
