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
        var self = BenchProcesses.SelfCommand();
        var runs = new List<MeasuredRun>();

        var replayLog = Path.Combine(workDirectory, "ours-replay.log");
        var replay = await ProcessMeter.RunAsync(self[0], [.. self.Skip(1), "replay", vectorPath], replayLog, cancellationToken);
        runs.Add(new MeasuredRun("ours: replay (in memory)", replay.Wall, replay.User, replay.System, replay.PeakRssKb,
            null, replay.ExitCode));

        var oursDir = Directory.CreateDirectory(Path.Combine(workDirectory, "ours")).FullName;
        var oursLog = Path.Combine(workDirectory, "ours-loadblock.log");
        var ours = await ProcessMeter.RunAsync(self[0],
            // As in bench ibd: the gRPC API and the dashboard, which Core has no counterpart of, are off; RPC stays on, as Core's.
            [.. self.Skip(1), "node", $"--{vector.Params.Network}", "--datadir", oursDir, "--rpcport", "0", "--grpc", "0", "--dashboard", "0",
                "--loadblock", blockFile, "--stopafterblockimport"],
            oursLog, cancellationToken);
        runs.Add(new MeasuredRun("ours: node --loadblock (disk)", ours.Wall, ours.User, ours.System, ours.PeakRssKb,
            BenchProcesses.LastHeight(OurImportHeight(), await File.ReadAllTextAsync(oursLog, cancellationToken)), ours.ExitCode));

        if (bitcoind is not null)
        {
            var coreDir = Directory.CreateDirectory(Path.Combine(workDirectory, "core")).FullName;
            var coreLog = Path.Combine(workDirectory, "core-loadblock.log");
            var core = await ProcessMeter.RunAsync(bitcoind,
                [$"-{vector.Params.Network}", $"-datadir={coreDir}", $"-loadblock={blockFile}", "-stopafterblockimport", "-listen=0",
                    "-server=0", "-connect=0", .. BenchProcesses.QuietCore],
                coreLog, cancellationToken);
            var height = await BenchProcesses.CoreHeightAsync(coreDir, vector.Params.Network, cancellationToken);
            runs.Add(new MeasuredRun("Bitcoin Core: -loadblock (disk)", core.Wall, core.User, core.System, core.PeakRssKb, height, core.ExitCode));
        }

        BenchProcesses.Print(output, runs, runs.Count > 2 ? runs[2] : null);
        return runs;
    }

    [GeneratedRegex(@"Import done: .*tip height (\d+)")]
    private static partial Regex OurImportHeight();
}
