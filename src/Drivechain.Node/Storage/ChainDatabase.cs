using System.Buffers.Binary;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Node.Chain;

namespace Drivechain.Node.Storage;

/// <summary>
/// The node's SQLite database: block index, UTXO set, undo data (base and drivechain), drivechain state
/// and the best-block marker. Writes happen only inside <see cref="BeginBatch"/> … <see cref="CommitBatch"/>,
/// so a flush is one atomic transaction. Single-threaded; the chain manager serialises access.
/// </summary>
internal sealed class ChainDatabase : IDisposable
{
    public const string BestBlockKey = "best_block";
    public const string DrivechainStateKey = "drivechain_state";
    private const int SchemaVersion = 1;
    private readonly SqliteDatabase _db;
    private bool _inBatch;

    private ChainDatabase(SqliteDatabase db) => _db = db;

    /// <summary>SQLite's result codes for a damaged file.</summary>
    private const int SqliteCorrupt = 11, SqliteNotADatabase = 26;

    /// <summary>
    /// Refuses a damaged database before anything runs on it: SQLite's <c>quick_check</c> (every page and record read,
    /// no index cross-check) must answer "ok". The node never runs on a damaged store.
    /// </summary>
    private static void CheckIntegrity(SqliteDatabase db, string path)
    {
        string verdict;
        try
        {
            var check = db.Prepare("PRAGMA quick_check(1);");
            verdict = check.Step() ? check.Text(0) : "no answer";
            check.Reset();
        }
        catch (SqliteException e) when (e.ResultCode is SqliteCorrupt or SqliteNotADatabase)
        {
            verdict = e.Message;
        }
        if (verdict != "ok")
            throw new IOException($"The chain state database {path} is corrupt ({verdict}). Restart with -reindex to rebuild it from the block files.");
    }

    public static ChainDatabase Open(string path, long pageCacheBytes = SqliteDatabase.DefaultPageCacheBytes)
    {
        SqliteDatabase db;
        try
        {
            db = SqliteDatabase.Open(path, pageCacheBytes);
        }
        catch (SqliteException e) when (e.ResultCode is SqliteCorrupt or SqliteNotADatabase)
        {
            throw new IOException($"The chain state database {path} is corrupt ({e.Message}). Restart with -reindex to rebuild it from the block files.", e);
        }
        try
        {
            CheckIntegrity(db, path);
        }
        catch
        {
            db.Dispose();
            throw;
        }
        db.Execute("""
            CREATE TABLE IF NOT EXISTS block_index(hash BLOB PRIMARY KEY, height INTEGER NOT NULL, header BLOB NOT NULL,
                status INTEGER NOT NULL, seq INTEGER NOT NULL, file INTEGER NOT NULL, pos INTEGER NOT NULL, size INTEGER NOT NULL,
                ntx INTEGER NOT NULL, fail_code TEXT, fail_reason TEXT) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS block_undo(hash BLOB PRIMARY KEY, base BLOB NOT NULL, drivechain BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS coins(outpoint BLOB PRIMARY KEY, height INTEGER NOT NULL, value INTEGER NOT NULL,
                script BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
            """);
        var database = new ChainDatabase(db);
        var version = database.ReadMeta("schema_version");
        if (version is null)
        {
            database.BeginBatch();
            Span<byte> v = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(v, SchemaVersion);
            database.PutMeta("schema_version", v);
            database.CommitBatch();
        }
        else if (BinaryPrimitives.ReadInt32LittleEndian(version) != SchemaVersion)
        {
            db.Dispose();
            throw new IOException($"{path}: unsupported schema version {BinaryPrimitives.ReadInt32LittleEndian(version)}");
        }
        return database;
    }

    public void BeginBatch()
    {
        _db.BeginTransaction();
        _inBatch = true;
    }

    public void CommitBatch()
    {
        _db.Commit();
        _inBatch = false;
    }

    public void RollbackBatch()
    {
        if (!_inBatch) return;
        _db.Rollback();
        _inBatch = false;
    }

    private void RequireBatch()
    {
        if (!_inBatch) throw new InvalidOperationException("writes must happen inside a batch");
    }

    // ---- meta ----

    public byte[]? ReadMeta(string key)
    {
        var s = _db.Prepare("SELECT value FROM meta WHERE key = ?1;").Bind(1, key);
        try
        {
            return s.Step() ? s.Blob(0).ToArray() : null;
        }
        finally
        {
            s.Reset();
        }
    }

    public void PutMeta(string key, ReadOnlySpan<byte> value)
    {
        RequireBatch();
        _db.Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2);").Bind(1, key).Bind(2, value).Run();
    }

    // ---- block index ----

    public void PutBlockIndex(BlockIndex index)
    {
        RequireBatch();
        Span<byte> hash = stackalloc byte[32];
        index.Hash.WriteTo(hash);
        var s = _db.Prepare("INSERT OR REPLACE INTO block_index(hash, height, header, status, seq, file, pos, size, ntx, fail_code, fail_reason) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11);");
        s.Bind(1, hash).Bind(2, index.Height).Bind(3, index.Header.ToBytes()).Bind(4, (long)index.Status).Bind(5, index.SequenceId)
            .Bind(6, index.FilePosition.File).Bind(7, index.FilePosition.Offset).Bind(8, index.FilePosition.Size).Bind(9, index.TransactionCount);
        if (index.Failure is { } failure)
        {
            s.Bind(10, failure.Code);
            s.Bind(11, failure.Reason);
        }
        s.Run();
    }

    /// <summary>All stored entries, parents before children (ordered by height).</summary>
    public List<StoredBlockIndex> LoadBlockIndex()
    {
        var result = new List<StoredBlockIndex>();
        var s = _db.Prepare("SELECT header, height, status, seq, file, pos, size, ntx, fail_code, fail_reason FROM block_index ORDER BY height, seq;");
        try
        {
            while (s.Step())
            {
                var header = BlockHeader.Parse(s.Blob(0));
                result.Add(new StoredBlockIndex(header, (int)s.Int64(1), (BlockStatus)s.Int64(2), s.Int64(3),
                    new BlockFilePosition((int)s.Int64(4), s.Int64(5), (int)s.Int64(6)), (int)s.Int64(7),
                    s.IsNull(8) ? null : System.Text.Encoding.UTF8.GetString(s.Blob(8)),
                    s.IsNull(9) ? null : System.Text.Encoding.UTF8.GetString(s.Blob(9))));
            }
        }
        finally
        {
            s.Reset();
        }
        return result;
    }

    // ---- undo ----

    public void PutUndo(UInt256 blockHash, ReadOnlySpan<byte> baseUndo, ReadOnlySpan<byte> drivechainUndo)
    {
        RequireBatch();
        Span<byte> hash = stackalloc byte[32];
        blockHash.WriteTo(hash);
        _db.Prepare("INSERT OR REPLACE INTO block_undo(hash, base, drivechain) VALUES(?1, ?2, ?3);").Bind(1, hash).Bind(2, baseUndo).Bind(3, drivechainUndo).Run();
    }

    public bool TryReadUndo(UInt256 blockHash, out byte[] baseUndo, out byte[] drivechainUndo)
    {
        Span<byte> hash = stackalloc byte[32];
        blockHash.WriteTo(hash);
        var s = _db.Prepare("SELECT base, drivechain FROM block_undo WHERE hash = ?1;").Bind(1, hash);
        try
        {
            if (!s.Step())
            {
                baseUndo = drivechainUndo = [];
                return false;
            }
            baseUndo = s.Blob(0).ToArray();
            drivechainUndo = s.Blob(1).ToArray();
            return true;
        }
        finally
        {
            s.Reset();
        }
    }

    // ---- coins ----

    private static void WriteKey(in OutPoint outPoint, Span<byte> key)
    {
        outPoint.TxId.WriteTo(key);
        BinaryPrimitives.WriteUInt32BigEndian(key[32..], outPoint.Index); // big-endian: sorted order = (txid, index)
    }

    public void PutCoin(in OutPoint outPoint, in StoredCoin coin)
    {
        RequireBatch();
        Span<byte> key = stackalloc byte[36];
        WriteKey(outPoint, key);
        _db.Prepare("INSERT OR REPLACE INTO coins(outpoint, height, value, script) VALUES(?1, ?2, ?3, ?4);")
            .Bind(1, key).Bind(2, ((long)coin.Height << 1) | (coin.IsCoinbase ? 1L : 0L)).Bind(3, coin.Output.Value.Satoshis)
            .Bind(4, coin.Output.ScriptPubKey.Span).Run();
    }

    public void DeleteCoin(in OutPoint outPoint)
    {
        RequireBatch();
        Span<byte> key = stackalloc byte[36];
        WriteKey(outPoint, key);
        _db.Prepare("DELETE FROM coins WHERE outpoint = ?1;").Bind(1, key).Run();
    }

    public bool TryReadCoin(in OutPoint outPoint, out StoredCoin coin)
    {
        Span<byte> key = stackalloc byte[36];
        WriteKey(outPoint, key);
        var s = _db.Prepare("SELECT height, value, script FROM coins WHERE outpoint = ?1;").Bind(1, key);
        try
        {
            if (!s.Step())
            {
                coin = default;
                return false;
            }
            coin = ReadCoin(s, 0);
            return true;
        }
        finally
        {
            s.Reset();
        }
    }

    private static StoredCoin ReadCoin(SqliteStatement s, int first)
    {
        long packed = s.Int64(first);
        var output = new TxOut(new Money(s.Int64(first + 1)), new Script(s.Blob(first + 2).ToArray()));
        return new StoredCoin(output, (int)(packed >> 1), (packed & 1) != 0);
    }

    /// <summary>Every stored coin in (txid bytes, index) order.</summary>
    public IEnumerable<(OutPoint OutPoint, StoredCoin Coin)> EnumerateCoins()
    {
        var s = _db.Prepare("SELECT outpoint, height, value, script FROM coins ORDER BY outpoint;");
        try
        {
            while (s.Step())
            {
                var key = s.Blob(0);
                var outPoint = new OutPoint(new UInt256(key[..32]), BinaryPrimitives.ReadUInt32BigEndian(key[32..]));
                yield return (outPoint, ReadCoin(s, 1));
            }
        }
        finally
        {
            s.Reset();
        }
    }

    public long CountCoins()
    {
        var s = _db.Prepare("SELECT COUNT(*) FROM coins;");
        try
        {
            return s.Step() ? s.Int64(0) : 0;
        }
        finally
        {
            s.Reset();
        }
    }

    public void Dispose() => _db.Dispose();
}
