namespace Drivechain.Testing.Vectors;

/// <summary>
/// Finds the shared test vectors. They live in <c>../shared/vectors</c> beside the checkout and are
/// never copied into the repository. <c>DRIVECHAIN_VECTORS</c> points elsewhere when set.
/// A missing folder or file fails the test with the path in the message; it never skips.
/// </summary>
public static class VectorPaths
{
    /// <summary>The environment variable that overrides the vectors folder.</summary>
    public const string EnvironmentVariable = "DRIVECHAIN_VECTORS";

    /// <summary>The vectors folder (containing bitcoin-core/, core/, drivechain/).</summary>
    public static string Root
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrEmpty(fromEnvironment))
                return RequireDirectory(Path.GetFullPath(fromEnvironment), $"{EnvironmentVariable}={fromEnvironment}");
            var repo = FindRepositoryRoot();
            var path = Path.GetFullPath(Path.Combine(repo, "..", "shared", "vectors"));
            return RequireDirectory(path, $"the default beside the checkout (set {EnvironmentVariable} to override)");
        }
    }

    /// <summary>A folder under the vectors root, e.g. "bitcoin-core".</summary>
    public static string Folder(string name) => RequireDirectory(Path.Combine(Root, name), "a vectors sub-folder");

    /// <summary>A file under the vectors root, e.g. ("bitcoin-core", "tx_valid.json").</summary>
    public static string File(string folder, string name)
    {
        var path = Path.Combine(Folder(folder), name);
        if (!System.IO.File.Exists(path))
            throw new FileNotFoundException($"Test vector file not found: {path}", path);
        return path;
    }

    private static string RequireDirectory(string path, string origin)
    {
        if (!Directory.Exists(path))
            throw new DirectoryNotFoundException($"Test vectors folder not found: {path} ({origin}). " +
                "The vectors are read at run time from ../shared/vectors beside the checkout.");
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Drivechain.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"Drivechain.sln not found above {AppContext.BaseDirectory}; set {EnvironmentVariable}.");
    }
}
