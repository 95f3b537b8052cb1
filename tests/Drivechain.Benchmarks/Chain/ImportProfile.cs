using System.Diagnostics;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Consensus;
using Drivechain.Node.Chain;

namespace Drivechain.Benchmarks.Chain;

/// <summary>
/// <c>import-profile BLKFILE [DBCACHE_MIB [FLUSH_INTERVAL_BLOCKS]]</c>: imports a regtest block file into a fresh on-disk chain in this process (no
/// host) and prints where the time went (base rules, drivechain rules, flushes, the rest: parsing, block files, index),
/// the flushes, the GC's collections and the peak working set.
/// </summary>
internal static class ImportProfile
{
    public const string CommandName = "import-profile";

    public static int Run(string[] args, TextWriter output)
    {
        var directory = Directory.CreateTempSubdirectory("import-profile").FullName;
        try
        {
            var options = new ChainManagerOptions();
            if (args.Length > 2) options = options with { FlushIntervalBlocks = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) };
            if (args.Length > 1) options = options with { DbCacheBytes = long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) << 20 };
            var network = Network.Regtest;
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var peak = new MemoryPeak();
            using var sampler = new Timer(_ => peak.Sample(wall.Elapsed.TotalSeconds), null, 0, 50);
            using var chain = ChainManager.Open(directory, network, DrivechainParams.ForNetwork(network.Name), Secp256k1Provider.CreateDefault(), options);
            chain.ImportBlockFiles([args[0]]);
            chain.Flush();
            wall.Stop();
            sampler.Dispose();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var s = chain.Statistics;
            double total = wall.Elapsed.TotalSeconds;
            double rest = total - s.BaseRuleSeconds - s.DrivechainRuleSeconds - s.FlushSeconds;
            output.WriteLine($"height {chain.Height}: {total:F2} s wall, {cpu.TotalSeconds:F2} s CPU ({process.UserProcessorTime.TotalSeconds:F2} user)");
            output.WriteLine($"  base rules       {s.BaseRuleSeconds,6:F2} s  {100 * s.BaseRuleSeconds / total,5:F1}%");
            output.WriteLine($"  drivechain rules {s.DrivechainRuleSeconds,6:F2} s  {100 * s.DrivechainRuleSeconds / total,5:F1}%  ({100 * s.DrivechainRuleSeconds / s.BaseRuleSeconds:F1}% of base)");
            output.WriteLine($"  flushes ({s.Flushes,3})    {s.FlushSeconds,6:F2} s  {100 * s.FlushSeconds / total,5:F1}%");
            output.WriteLine($"  rest (parse, block files, index, lock) {rest:F2} s  {100 * rest / total:F1}%");
            output.WriteLine($"  GC gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB, " +
                $"peak working set {process.PeakWorkingSet64 / 1e6:F0} MB, live heap after import {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB");
            var gc = GC.GetGCMemoryInfo(GCKind.Any);
            output.WriteLine($"  GC heap {gc.HeapSizeBytes / 1e6:F0} MB, committed {gc.TotalCommittedBytes / 1e6:F0} MB");
            if (File.Exists("/proc/self/status"))
                output.WriteLine("  " + string.Join(", ", File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM", StringComparison.Ordinal) || l.StartsWith("Rss", StringComparison.Ordinal)).Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))));
            output.WriteLine($"  peak during import: {peak}");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>The largest GC heap (after the last collection), GC-committed memory and anonymous RSS seen by a sampler.</summary>
internal sealed class MemoryPeak
{
    private long _heap, _committed, _anon;
    private double _anonAt, _heapAt;

    public void Sample(double seconds)
    {
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        lock (this)
        {
            if (gc.HeapSizeBytes > _heap) (_heap, _heapAt) = (gc.HeapSizeBytes, seconds);
            _committed = Math.Max(_committed, gc.TotalCommittedBytes);
            if (!File.Exists("/proc/self/status")) return;
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith("RssAnon", StringComparison.Ordinal)) continue;
                long kb = long.Parse(line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
                if (kb * 1024 > _anon) (_anon, _anonAt) = (kb * 1024, seconds);
            }
        }
    }

    public override string ToString()
    {
        lock (this)
            return $"GC heap {_heap / 1e6:F0} MB (at {_heapAt:F1} s), GC committed {_committed / 1e6:F0} MB, RssAnon {_anon / 1e6:F0} MB (at {_anonAt:F1} s)";
    }
}
