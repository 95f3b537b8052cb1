using SQLitePCL;

namespace Drivechain.Node.Storage;

/// <summary>A prepared statement: bind (1-based), step, read columns (0-based), reset.</summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly SqliteDatabase _owner;
    private readonly sqlite3_stmt _handle;

    internal SqliteStatement(SqliteDatabase owner, sqlite3_stmt handle)
    {
        _owner = owner;
        _handle = handle;
    }

    public SqliteStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_handle, index, value), "bind");
        return this;
    }

    public SqliteStatement Bind(int index, ReadOnlySpan<byte> value)
    {
        // An empty span would bind NULL; keep blobs non-null so reads give an empty span back.
        Check(value.IsEmpty ? raw.sqlite3_bind_zeroblob(_handle, index, 0) : raw.sqlite3_bind_blob(_handle, index, value), "bind");
        return this;
    }

    public SqliteStatement Bind(int index, string value)
    {
        Check(raw.sqlite3_bind_text(_handle, index, value), "bind");
        return this;
    }

    /// <summary>Advances; true when a row is available.</summary>
    public bool Step()
    {
        int rc = raw.sqlite3_step(_handle);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        throw _owner.Error("step", rc);
    }

    /// <summary>Runs a statement that returns no rows, then resets it.</summary>
    public void Run()
    {
        Step();
        Reset();
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_handle, column);

    /// <summary>The blob of a column; valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> Blob(int column) => raw.sqlite3_column_blob(_handle, column);

    /// <summary>The text of a column.</summary>
    public string Text(int column) => raw.sqlite3_column_text(_handle, column).utf8_to_string();

    public bool IsNull(int column) => raw.sqlite3_column_type(_handle, column) == raw.SQLITE_NULL;

    public void Reset()
    {
        raw.sqlite3_reset(_handle);
        raw.sqlite3_clear_bindings(_handle);
    }

    private void Check(int rc, string what)
    {
        if (rc != raw.SQLITE_OK) throw _owner.Error(what, rc);
    }

    public void Dispose() => _handle.Dispose();
}
