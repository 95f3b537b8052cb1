namespace Drivechain.Node.Tests.P2P;

/// <summary>Removes the temporary data directories of a test's node processes.</summary>
internal static class TempDirectories
{
    public static void Delete(params string[] directories)
    {
        foreach (var directory in directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open: left behind in the temp folder.
            }
        }
    }
}
