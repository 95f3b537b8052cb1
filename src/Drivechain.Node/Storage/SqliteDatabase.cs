using SQLitePCL;

namespace Drivechain.Node.Storage;

/// <summary>
/// A thin wrapper over one SQLite connection through the raw SQLitePCL API: WAL journal, prepared
/// statements kept for the connection's lifetime, explicit transactions. Not thread-safe: the owner
/// serialises access.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private static readonly Lock InitLock = new();
    private static bool s_initialised;
    private readonly sqlite3 _db;
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);

    private SqliteDatabase(sqlite3 db) => _db = db;

    /// <summary>SQLite's page cache when the caller names none.</summary>
    public const long DefaultPageCacheBytes = 8 << 20;

    /// <summary>
    /// Opens (creating if needed) the database file in WAL mode, holding its file lock until closed (one process per data
    /// directory: without per-statement locking a read is a B-tree lookup, not several <c>fcntl</c> calls).
    /// </summary>
    public static SqliteDatabase Open(string path, long pageCacheBytes = DefaultPageCacheBytes)
    {
        lock (InitLock)
        {
            if (!s_initialised)
            {
                Batteries_V2.Init();
                s_initialised = true;
            }
        }
        int rc = raw.sqlite3_open_v2(path, out var db, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE | raw.SQLITE_OPEN_NOMUTEX, null);
        if (rc != raw.SQLITE_OK)
        {
            var message = db is null ? "open failed" : raw.sqlite3_errmsg(db).utf8_to_string();
            db?.Dispose();
            throw new SqliteException($"cannot open {path}: {message}", rc);
        }
        var database = new SqliteDatabase(db);
        // Before the first WAL access, so the WAL index lives in heap memory instead of a shared -shm mapping.
        database.Execute("PRAGMA locking_mode=EXCLUSIVE;");
        database.Execute("PRAGMA journal_mode=WAL;");
        // NORMAL in WAL mode: a committed transaction survives a process crash (SIGKILL); only an OS crash
        // or power loss may roll back the last commits, never corrupt the file.
        database.Execute("PRAGMA synchronous=NORMAL;");
        database.Execute("PRAGMA foreign_keys=OFF;");
        database.Execute($"PRAGMA cache_size=-{Math.Max(pageCacheBytes >> 10, 1024)};");
        return database;
    }

    /// <summary>Runs one or more statements without results.</summary>
    public void Execute(string sql)
    {
        int rc = raw.sqlite3_exec(_db, sql);
        if (rc != raw.SQLITE_OK) throw Error($"exec '{sql}'", rc);
    }

    /// <summary>A prepared statement, compiled once and cached for the connection's lifetime.</summary>
    public SqliteStatement Prepare(string sql)
    {
        if (_statements.TryGetValue(sql, out var cached))
        {
            cached.Reset();
            return cached;
        }
        int rc = raw.sqlite3_prepare_v2(_db, sql, out var handle);
        if (rc != raw.SQLITE_OK) throw Error($"prepare '{sql}'", rc);
        var statement = new SqliteStatement(this, handle);
        _statements.Add(sql, statement);
        return statement;
    }

    public void BeginTransaction() => Execute("BEGIN IMMEDIATE;");

    public void Commit() => Execute("COMMIT;");

    public void Rollback() => Execute("ROLLBACK;");

    internal SqliteException Error(string what, int rc) => new($"{what}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);

    public void Dispose()
    {
        foreach (var statement in _statements.Values) statement.Dispose();
        _statements.Clear();
        raw.sqlite3_close_v2(_db);
        _db.Dispose();
    }
}
