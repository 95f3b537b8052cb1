using System.Collections.Frozen;
using System.Reflection;

namespace Drivechain.Node.Dashboard;

/// <summary>The page's static files, embedded in the node assembly (Dashboard/Assets/*): no CDN, no build step.</summary>
public sealed class DashboardAssets
{
    private const string Prefix = "Drivechain.Node.Dashboard.Assets.";

    private readonly FrozenDictionary<string, (byte[] Bytes, string ContentType)> _files;

    public DashboardAssets()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var file = name[Prefix.Length..];
            files[file] = (buffer.ToArray(), ContentType(file));
        }
        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A file by name (<c>app.js</c>), or false.</summary>
    public bool TryGet(string name, out byte[] bytes, out string contentType)
    {
        if (_files.TryGetValue(name, out var file))
        {
            (bytes, contentType) = file;
            return true;
        }
        (bytes, contentType) = ([], "");
        return false;
    }

    /// <summary>A file that must exist (index.html, 404.html).</summary>
    public byte[] Get(string name) => _files.TryGetValue(name, out var file)
        ? file.Bytes
        : throw new InvalidOperationException($"dashboard asset {name} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}");

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
