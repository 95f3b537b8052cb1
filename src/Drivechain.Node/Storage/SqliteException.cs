namespace Drivechain.Node.Storage;

/// <summary>A failed SQLite call (the outside world failed: disk full, corrupt file, locked database).</summary>
public sealed class SqliteException : IOException
{
    public SqliteException(string message, int resultCode) : base($"{message} (SQLite code {resultCode})") => ResultCode = resultCode;

    /// <summary>The SQLite result code.</summary>
    public int ResultCode { get; }
}
