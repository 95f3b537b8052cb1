using Drivechain.Testing.Vectors;

namespace Drivechain.Consensus.NBitcoin.Tests;

/// <summary>The raw blocks of every public vector (drivechain/ and the Core-mined chains in core/), read at run time.</summary>
internal static class PublicVectorBlocks
{
    public static IEnumerable<string> Files(string folder) =>
        Directory.GetFiles(VectorPaths.Folder(folder), "*.json").Order(StringComparer.Ordinal);

    public static IReadOnlyList<byte[]> Blocks(string file) => [.. DrivechainVectors.Read(file).Blocks.Select(b => b.Bytes.ToArray())];

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "drivechain", "core" })
            foreach (var file in Files(folder)) data.Add(Path.Combine(folder, Path.GetFileName(file)));
        return data;
    }

    public static string PathOf(string relative) => Path.Combine(VectorPaths.Root, relative);
}
