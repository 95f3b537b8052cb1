using System.Text.Json.Nodes;
using Drivechain.Testing.Vectors;

namespace Drivechain.Cli.Tests.Replay;

/// <summary>A temporary folder for edited copies of shared vectors; deleted on dispose.</summary>
internal sealed class TempVectors : IDisposable
{
    public TempVectors()
    {
        Folder = Path.Combine(Path.GetTempPath(), "drivechain-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>A shared drivechain vector as an editable JSON tree.</summary>
    public static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(VectorPaths.File("drivechain", name)))!.AsObject();

    public string Write(string fileName, JsonNode vector) => WriteText(fileName, vector.ToJsonString());

    public string WriteText(string fileName, string text)
    {
        var path = Path.Combine(Folder, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}
