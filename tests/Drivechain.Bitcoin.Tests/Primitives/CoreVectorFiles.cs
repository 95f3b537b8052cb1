using System.Text.Json;
using Drivechain.Testing.Vectors;

namespace Drivechain.Bitcoin.Tests.Primitives;

/// <summary>Reads Bitcoin Core's vector files from ../shared/vectors/bitcoin-core at run time.</summary>
internal static class CoreVectorFiles
{
    public static byte[] ReadBytes(string name) => File.ReadAllBytes(VectorPaths.File("bitcoin-core", name));

    /// <summary>The rows of a top-level JSON array file (each row itself an array).</summary>
    public static IReadOnlyList<JsonElement> ReadRows(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(VectorPaths.File("bitcoin-core", name)));
        return [.. document.RootElement.EnumerateArray().Select(row => row.Clone())];
    }

    /// <summary>
    /// The test rows of tx_valid/tx_invalid with their index among test rows and the last comment row above them
    /// (shortened), skipping comment rows (length 1).
    /// </summary>
    public static IEnumerable<(int Index, string Comment, JsonElement Row)> ReadTransactionRows(string name)
    {
        string comment = "";
        int index = 0;
        foreach (var row in ReadRows(name))
        {
            if (row.GetArrayLength() == 1)
            {
                var text = row[0].GetString() ?? "";
                comment = text.Length > 80 ? text[..80] : text;
                continue;
            }
            yield return (index++, comment, row);
        }
    }
}
