namespace Drivechain.Testing;

/// <summary>The checkout the running tests were built from (the folder holding Drivechain.sln).</summary>
public static class RepositoryRoot
{
    /// <summary>The checkout's root folder.</summary>
    public static string Path => Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Drivechain.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"Drivechain.sln not found above {AppContext.BaseDirectory}");
    }
}
