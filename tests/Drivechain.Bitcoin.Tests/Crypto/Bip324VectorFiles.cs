namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>Reads the BIP324 CSV files committed under Vectors/bip324 (see its README).</summary>
internal static class Bip324VectorFiles
{
    public static IReadOnlyList<string[]> Rows(string fileName, string expectedHeaderStart)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", "bip324", fileName);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        lines[0].Should().StartWith(expectedHeaderStart);
        return lines.Skip(1).Select(l => l.Split(',')).ToList();
    }

    public static TheoryData<int> Indexes(int count)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < count; i++)
            data.Add(i);
        return data;
    }
}
