using System.Text.RegularExpressions;
using Drivechain.Cli.Replay;
using Drivechain.Consensus.Vectors;

namespace Drivechain.Cli.Bench;

/// <summary>
/// <c>drivechain bench import</c>: the same blocks imported three ways in one run — our <c>replay</c> (in memory), our
/// node's <c>--loadblock</c> into on-disk storage, and Bitcoin Core's <c>-loadblock</c> when bitcoind is present — each
/// timed by <see cref="ProcessMeter"/>, with the ratios ours / Core.
/// </summary>
internal sealed partial class ImportBenchmark(string workDirectory, TextWriter output)
{
    /// <summary>Runs the three imports of <paramref name="vectorPath"/>'s blocks and prints the table.</summary>
    public async Task<IReadOnlyList<MeasuredRun>> RunAsync(string vectorPath, VectorFile vector, string? bitcoind, CancellationToken cancellationToken)
    {
        var blockFile = Path.Combine(workDirectory, "blk-bench.dat");
        BlockFileWriter.Write(vector, blockFile);
        output.WriteLine($"{vector.Name}: {vector.Blocks.Length} blocks, {new FileInfo(blockFile).Length / 1e6:F1} MB block file ({blockFile})");
        var self = SelfCommand();
        var runs = new List<MeasuredRun>();

        var replayLog = Path.Combine(workDirectory, "ours-replay.log");
        var replay = await ProcessMeter.RunAsync(self[0], [.. self.Skip(1), "replay", vectorPath], replayLog, cancellationToken);
        runs.Add(new MeasuredRun("ours: replay (in memory)", replay.Wall, replay.User, replay.System, replay.PeakRssKb,
            null, replay.ExitCode));

        var oursDir = Directory.CreateDirectory(Path.Combine(workDirectory, "ours")).FullName;
        var oursLog = Path.Combine(workDirectory, "ours-loadblock.log");
        var ours = await ProcessMeter.RunAsync(self[0],
            [.. self.Skip(1), "node", $"--{vector.Params.Network}", "--datadir", oursDir, "--rpcport", "0",
                "--loadblock", blockFile, "--stopafterblockimport"],
            oursLog, cancellationToken);
        runs.Add(new MeasuredRun("ours: node --loadblock (disk)", ours.Wall, ours.User, ours.System, ours.PeakRssKb,
            LastHeight(OurImportHeight(), await File.ReadAllTextAsync(oursLog, cancellationToken)), ours.ExitCode));

        if (bitcoind is not null)
        {
            var coreDir = Directory.CreateDirectory(Path.Combine(workDirectory, "core")).FullName;
            var coreLog = Path.Combine(workDirectory, "core-loadblock.log");
            var core = await ProcessMeter.RunAsync(bitcoind,
                [$"-{vector.Params.Network}", $"-datadir={coreDir}", $"-loadblock={blockFile}", "-stopafterblockimport", "-listen=0",
                    "-server=0", "-connect=0", "-dnsseed=0", "-fixedseeds=0", "-printtoconsole=0", "-checkblockindex=0", "-checkmempool=0"],
                coreLog, cancellationToken);
            var debugLog = Path.Combine(coreDir, vector.Params.Network, "debug.log");
            var height = File.Exists(debugLog) ? LastHeight(CoreUpdateTip(), await File.ReadAllTextAsync(debugLog, cancellationToken)) : null;
            runs.Add(new MeasuredRun("Bitcoin Core: -loadblock (disk)", core.Wall, core.User, core.System, core.PeakRssKb, height, core.ExitCode));
        }

        Print(runs);
        return runs;
    }

    private void Print(List<MeasuredRun> runs)
    {
        output.WriteLine();
        output.WriteLine($"{"run",-34} {"wall s",8} {"user s",8} {"sys s",7} {"peak RSS MB",12} {"height",7} {"exit",5}");
        foreach (var r in runs)
            output.WriteLine($"{r.Name,-34} {r.WallSeconds,8:F2} {r.UserSeconds,8:F2} {r.SystemSeconds,7:F2} {r.PeakRssMb,12:F1} {r.Height?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",7} {r.ExitCode,5}");
        if (runs.Count < 3)
        {
            output.WriteLine("(no bitcoind: give --bitcoind or set BITCOIND for the side-by-side ratios)");
            return;
        }
        var core = runs[2];
        output.WriteLine();
        foreach (var ours in runs.Take(2))
            output.WriteLine($"{ours.Name} / Core: wall {ours.WallSeconds / core.WallSeconds:F2}x, user CPU {ours.UserSeconds / core.UserSeconds:F2}x, peak RSS {ours.PeakRssMb / core.PeakRssMb:F2}x");
    }

    private static int? LastHeight(Regex pattern, string text)
    {
        var matches = pattern.Matches(text);
        return matches.Count == 0 ? null : int.Parse(matches[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How to start this same <c>drivechain</c> (the apphost, or <c>dotnet drivechain.dll</c>).</summary>
    private static string[] SelfCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        if (!Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.Ordinal)) return [process];
        return [process, typeof(ImportBenchmark).Assembly.Location];
    }

    [GeneratedRegex(@"Import done: .*tip height (\d+)")]
    private static partial Regex OurImportHeight();

    [GeneratedRegex(@"UpdateTip: new best=\w+ height=(\d+)")]
    private static partial Regex CoreUpdateTip();
}
