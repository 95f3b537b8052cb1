using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;

namespace Drivechain.Node.Tests.Storage;

/// <summary>
/// Entry point of this test assembly when run as a program (<c>dotnet Drivechain.Node.Tests.dll import
/// &lt;dataDir&gt; &lt;blocksFile&gt; &lt;flushInterval&gt;</c>): imports the blocks into a disk chain, printing
/// "flushed &lt;height&gt;" after every flush and "done &lt;height&gt;" at the end. The crash test kills it.
/// </summary>
public static class CrashImportProgram
{
    public static int Main(string[] args)
    {
        if (args.Length != 4 || args[0] != "import")
        {
            Console.Error.WriteLine("usage: import <dataDir> <blocksFile> <flushInterval>");
            return 2;
        }
        var options = new ChainManagerOptions { FlushIntervalBlocks = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), MaxCachedCoins = 400,
            UndoSpillBytes = 1 };   // undo written after every block between flushes: kills land between those writes too
        using var chain = ChainPersistenceTests.Open(args[1], options);
        Console.Out.WriteLine($"opened {chain.Height}");
        Console.Out.Flush();
        int flushes = chain.Statistics.Flushes;
        foreach (var block in ReadBlocks(args[2]))
        {
            var outcome = chain.SubmitBlock(block);
            if (outcome is SubmitOutcome.Rejected rejected)
            {
                Console.Error.WriteLine($"rejected {rejected.Hash}: {rejected.Code} {rejected.Reason}");
                return 1;
            }
            if (chain.Statistics.Flushes != flushes)
            {
                flushes = chain.Statistics.Flushes;
                Console.Out.WriteLine($"flushed {chain.Height}");
                Console.Out.Flush();
            }
        }
        int height = chain.Height;
        chain.Dispose();
        Console.Out.WriteLine($"done {height}");
        Console.Out.Flush();
        return 0;
    }

    /// <summary>Blocks stored as 4-byte little-endian length + bytes.</summary>
    public static IEnumerable<Block> ReadBlocks(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int offset = 0;
        while (offset < bytes.Length)
        {
            int length = BitConverter.ToInt32(bytes, offset);
            yield return Block.Parse(bytes.AsMemory(offset + 4, length));
            offset += 4 + length;
        }
    }

    public static void WriteBlocks(string path, IEnumerable<Block> blocks)
    {
        using var file = File.Create(path);
        foreach (var block in blocks)
        {
            var bytes = block.ToBytes();
            file.Write(BitConverter.GetBytes(bytes.Length));
            file.Write(bytes);
        }
    }
}
