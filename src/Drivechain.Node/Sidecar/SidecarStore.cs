using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.State;
using Drivechain.Node.Storage;

namespace Drivechain.Node.Sidecar;

/// <summary>
/// The sidecar's persistent state in one SQLite file (WAL, as the node's chain database): the hash and undo record of
/// every validated block by height, the tip with its drivechain state, the drivechain state before each block that has
/// drivechain content (so its events can be recomputed for the gRPC API), and the blocks it had Core invalidate. Each
/// connect or disconnect is one transaction, so a SIGKILL leaves the last committed block. One writer (the follower);
/// every member takes one lock, so the gRPC API reads from other threads.
/// </summary>
public sealed class SidecarStore : IDisposable
{
    private readonly SqliteDatabase _db;
    private readonly Lock _lock = new();

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
                CREATE TABLE IF NOT EXISTS events (height INTEGER PRIMARY KEY, state_before BLOB NOT NULL);
                CREATE INDEX IF NOT EXISTS chain_by_hash ON chain (hash);
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
        lock (_lock)
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
    }

    /// <summary>The hash stored at <paramref name="height"/>, or null above the tip.</summary>
    public UInt256? HashAt(int height)
    {
        lock (_lock)
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
    }

    /// <summary>The undo record of the block at <paramref name="height"/>.</summary>
    public BlockUndo LoadUndo(int height)
    {
        lock (_lock)
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
    }

    /// <summary>
    /// Stores the block at <paramref name="tip"/>'s height with its undo and makes it the tip, atomically; with
    /// <paramref name="stateBefore"/> (a block with drivechain content) also the state its events are recomputed from.
    /// </summary>
    public void Connect(SidecarTip tip, BlockUndo undo, DrivechainState? stateBefore = null)
    {
        ArgumentNullException.ThrowIfNull(tip);
        ArgumentNullException.ThrowIfNull(undo);
        lock (_lock)
        {
            _db.BeginTransaction();
            try
            {
                _db.Prepare("INSERT OR REPLACE INTO chain (height, hash, undo) VALUES (?1, ?2, ?3);")
                    .Bind(1, tip.Height).Bind(2, tip.Hash.ToBytes()).Bind(3, undo.ToBytes()).Run();
                if (stateBefore is null) _db.Prepare("DELETE FROM events WHERE height = ?1;").Bind(1, tip.Height).Run();
                else _db.Prepare("INSERT OR REPLACE INTO events (height, state_before) VALUES (?1, ?2);")
                    .Bind(1, tip.Height).Bind(2, stateBefore.ToBytes()).Run();
                WriteTip(tip);
                _db.Commit();
            }
            catch
            {
                _db.Rollback();
                throw;
            }
        }
    }

    /// <summary>
    /// The height of <paramref name="hash"/> on the stored chain and the drivechain state before it when the block has
    /// drivechain content (null state when it has none); false when the block is not on the stored chain.
    /// </summary>
    public bool TryGetBlock(UInt256 hash, out int height, out DrivechainState? stateBefore)
    {
        lock (_lock)
        {
            height = -1;
            stateBefore = null;
            var select = _db.Prepare("SELECT c.height, e.state_before FROM chain c LEFT JOIN events e ON e.height = c.height WHERE c.hash = ?1;")
                .Bind(1, hash.ToBytes());
            try
            {
                if (!select.Step()) return false;
                height = checked((int)select.Int64(0));
                if (select.IsNull(1)) return true;
                if (!DrivechainState.TryParse(select.Blob(1), out var state, out var error))
                    throw new InvalidDataException($"the stored state before height {height} does not parse ({error})");
                stateBefore = state;
                return true;
            }
            finally
            {
                select.Reset();
            }
        }
    }

    /// <summary>Removes the block above <paramref name="newTip"/> and makes <paramref name="newTip"/> the tip, atomically.</summary>
    public void Disconnect(SidecarTip newTip)
    {
        lock (_lock)
        {
            ArgumentNullException.ThrowIfNull(newTip);
            _db.BeginTransaction();
            try
            {
                _db.Prepare("DELETE FROM chain WHERE height > ?1;").Bind(1, newTip.Height).Run();
            _db.Prepare("DELETE FROM events WHERE height > ?1;").Bind(1, newTip.Height).Run();
                WriteTip(newTip);
                _db.Commit();
            }
            catch
            {
                _db.Rollback();
                throw;
            }
        }
    }

    /// <summary>Records that the block <paramref name="hash"/> broke a drivechain rule and was invalidated on Core.</summary>
    public void RecordInvalidated(int height, UInt256 hash, string code, string detail)
    {
        lock (_lock)
            _db.Prepare("INSERT OR REPLACE INTO invalidated (hash, height, code, detail) VALUES (?1, ?2, ?3, ?4);")
            .Bind(1, hash.ToBytes()).Bind(2, height).Bind(3, code).Bind(4, detail).Run();
    }

    /// <summary>The blocks the sidecar had Core invalidate (hash → reject code).</summary>
    public IReadOnlyDictionary<UInt256, string> LoadInvalidated()
    {
        lock (_lock)
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
    }

    private void WriteTip(SidecarTip tip) =>
        _db.Prepare("INSERT OR REPLACE INTO tip (id, height, hash, state) VALUES (0, ?1, ?2, ?3);")
            .Bind(1, tip.Height).Bind(2, tip.Hash.ToBytes()).Bind(3, tip.State.ToBytes()).Run();

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock) _db.Dispose();
    }
}
