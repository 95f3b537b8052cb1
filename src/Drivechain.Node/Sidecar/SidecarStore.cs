using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.State;
using Drivechain.Node.Storage;

namespace Drivechain.Node.Sidecar;

/// <summary>
/// The sidecar's persistent state in one SQLite file (WAL, as the node's chain database): the hash and undo record of
/// every validated block by height, the tip with its drivechain state, and the blocks it had Core invalidate. Each
/// connect or disconnect is one transaction, so a SIGKILL leaves the last committed block. Not thread-safe: one owner.
/// </summary>
public sealed class SidecarStore : IDisposable
{
    private readonly SqliteDatabase _db;

    private SidecarStore(SqliteDatabase db) => _db = db;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>.</summary>
    public static SidecarStore Open(string path)
    {
        var db = SqliteDatabase.Open(path);
        try
        {
            db.Execute("""
                CREATE TABLE IF NOT EXISTS chain (height INTEGER PRIMARY KEY, hash BLOB NOT NULL, undo BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS tip (id INTEGER PRIMARY KEY CHECK (id = 0), height INTEGER NOT NULL, hash BLOB NOT NULL, state BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS invalidated (hash BLOB PRIMARY KEY, height INTEGER NOT NULL, code TEXT NOT NULL, detail TEXT NOT NULL);
                """);
            return new SidecarStore(db);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>The persisted tip, or null for a new store.</summary>
    public SidecarTip? LoadTip()
    {
        var select = _db.Prepare("SELECT height, hash, state FROM tip WHERE id = 0;");
        try
        {
            if (!select.Step()) return null;
            var height = checked((int)select.Int64(0));
            var hash = new UInt256(select.Blob(1));
            if (!DrivechainState.TryParse(select.Blob(2), out var state, out var error))
                throw new InvalidDataException($"the sidecar's stored state does not parse ({error}); delete the sidecar database to resynchronise");
            return new SidecarTip(height, hash, state);
        }
        finally
        {
            select.Reset();
        }
    }

    /// <summary>The hash stored at <paramref name="height"/>, or null above the tip.</summary>
    public UInt256? HashAt(int height)
    {
        var select = _db.Prepare("SELECT hash FROM chain WHERE height = ?1;").Bind(1, height);
        try
        {
            return select.Step() ? new UInt256(select.Blob(0)) : null;
        }
        finally
        {
            select.Reset();
        }
    }

    /// <summary>The undo record of the block at <paramref name="height"/>.</summary>
    public BlockUndo LoadUndo(int height)
    {
        var select = _db.Prepare("SELECT undo FROM chain WHERE height = ?1;").Bind(1, height);
        try
        {
            if (!select.Step()) throw new InvalidDataException($"no undo record stored for height {height}");
            if (!BlockUndo.TryParse(select.Blob(0), out var undo, out var error))
                throw new InvalidDataException($"the undo record of height {height} does not parse ({error})");
            return undo;
        }
        finally
        {
            select.Reset();
        }
    }

    /// <summary>Stores the block at <paramref name="tip"/>'s height with its undo and makes it the tip, atomically.</summary>
    public void Connect(SidecarTip tip, BlockUndo undo)
    {
        ArgumentNullException.ThrowIfNull(tip);
        ArgumentNullException.ThrowIfNull(undo);
        _db.BeginTransaction();
        try
        {
            _db.Prepare("INSERT OR REPLACE INTO chain (height, hash, undo) VALUES (?1, ?2, ?3);")
                .Bind(1, tip.Height).Bind(2, tip.Hash.ToBytes()).Bind(3, undo.ToBytes()).Run();
            WriteTip(tip);
            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    /// <summary>Removes the block above <paramref name="newTip"/> and makes <paramref name="newTip"/> the tip, atomically.</summary>
    public void Disconnect(SidecarTip newTip)
    {
        ArgumentNullException.ThrowIfNull(newTip);
        _db.BeginTransaction();
        try
        {
            _db.Prepare("DELETE FROM chain WHERE height > ?1;").Bind(1, newTip.Height).Run();
            WriteTip(newTip);
            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    /// <summary>Records that the block <paramref name="hash"/> broke a drivechain rule and was invalidated on Core.</summary>
    public void RecordInvalidated(int height, UInt256 hash, string code, string detail) =>
        _db.Prepare("INSERT OR REPLACE INTO invalidated (hash, height, code, detail) VALUES (?1, ?2, ?3, ?4);")
            .Bind(1, hash.ToBytes()).Bind(2, height).Bind(3, code).Bind(4, detail).Run();

    /// <summary>The blocks the sidecar had Core invalidate (hash → reject code).</summary>
    public IReadOnlyDictionary<UInt256, string> LoadInvalidated()
    {
        var result = new Dictionary<UInt256, string>();
        var select = _db.Prepare("SELECT hash, code FROM invalidated;");
        try
        {
            while (select.Step()) result[new UInt256(select.Blob(0))] = select.Text(1);
        }
        finally
        {
            select.Reset();
        }
        return result;
    }

    private void WriteTip(SidecarTip tip) =>
        _db.Prepare("INSERT OR REPLACE INTO tip (id, height, hash, state) VALUES (0, ?1, ?2, ?3);")
            .Bind(1, tip.Height).Bind(2, tip.Hash.ToBytes()).Bind(3, tip.State.ToBytes()).Run();

    /// <inheritdoc />
    public void Dispose() => _db.Dispose();
}
