namespace Drivechain.Cli.Replay;

/// <summary>Expands the command line's files and directories into vector paths (directories: every *.json, recursively).</summary>
internal static class VectorDiscovery
{
    /// <summary>
    /// The files to replay, in argument order; a directory expands to its *.json files in ordinal path order.
    /// A directory without any, or a path that does not exist, comes back with an error for that entry.
    /// </summary>
    public static IReadOnlyList<(string Path, string? Error)> Expand(IEnumerable<string> arguments)
    {
        var entries = new List<(string, string?)>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                var found = Directory.EnumerateFiles(argument, "*.json", SearchOption.AllDirectories).ToList();
                found.Sort(StringComparer.Ordinal);
                if (found.Count == 0) entries.Add((argument, "the directory holds no *.json file"));
                entries.AddRange(found.Select(f => (f, (string?)null)));
            }
            else if (File.Exists(argument))
            {
                entries.Add((argument, null));
            }
            else
            {
                entries.Add((argument, "no such file or directory"));
            }
        }
        return entries;
    }
}
