namespace Drivechain.Node.Storage;

/// <summary>
/// One process per data directory: an exclusive lock on <c>&lt;dir&gt;/.lock</c>, held for the process's use of the
/// directory and released by the OS on a crash. Taken before any other file of the directory is touched.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file) => _file = file;

    /// <summary>Creates <paramref name="directory"/> if needed and locks it; throws with Core's message when another process holds it.</summary>
    public static DataDirectoryLock Acquire(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, ".lock");
        try
        {
            return new DataDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new IOException(
                $"Cannot obtain a lock on data directory {directory}. Drivechain.NET is probably already running.", e);
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _file.Dispose();
}
