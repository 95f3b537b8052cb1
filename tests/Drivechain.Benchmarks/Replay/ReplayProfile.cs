using System.Diagnostics;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Cli.Replay;
using Drivechain.Consensus.Vectors;

namespace Drivechain.Benchmarks.Replay;

/// <summary><c>replay-profile FILE</c>: CPU time of each replay phase (read, JSON parse, block parse, submit, snapshots).</summary>
internal static class ReplayProfile
{
    public const string CommandName = "replay-profile";

    public static int Run(string[] args, TextWriter output)
    {
        var process = Process.GetCurrentProcess();
        var total = Stopwatch.StartNew();
        var bytes = File.ReadAllBytes(args[0]);
        var read = total.Elapsed;
        if (!VectorReader.TryRead(bytes, "profile", out var vector, out var error)) { output.WriteLine(error); return 1; }
        var parsed = total.Elapsed;
        var blocks = vector!.Blocks.Select(b => Block.Parse(b.Bytes)).ToList();
        var blockParse = total.Elapsed;
        ChainReplayEngine.TryCreate(vector.Params, out var engine, out _);
        var cpuBefore = process.TotalProcessorTime;
        var submitWatch = Stopwatch.StartNew();
        foreach (var block in blocks)
        {
            var verdict = engine!.Submit(block);
            if (!verdict.Accepted) { output.WriteLine($"rejected: {verdict.Describe()}"); return 1; }
        }
        submitWatch.Stop();
        process.Refresh();
        var submitCpu = process.TotalProcessorTime - cpuBefore;
        var snapshotWatch = Stopwatch.StartNew();
        for (int i = 0; i < 100; i++) engine!.Snapshot();
        var stats = engine!.Chain.Statistics;
        output.WriteLine($"chain: base rules {stats.BaseRuleTicks * 1000.0 / Stopwatch.Frequency:F0} ms, drivechain rules {stats.DrivechainRuleTicks * 1000.0 / Stopwatch.Frequency:F0} ms");
        output.WriteLine($"read {read.TotalMilliseconds:F0} ms, json {(parsed - read).TotalMilliseconds:F0} ms, block parse {(blockParse - parsed).TotalMilliseconds:F0} ms, " +
            $"submit {submitWatch.Elapsed.TotalMilliseconds:F0} ms wall / {submitCpu.TotalMilliseconds:F0} ms cpu for {blocks.Count} blocks, snapshot {snapshotWatch.Elapsed.TotalMilliseconds / 100:F2} ms each");
        return 0;
    }
}
