using System.Diagnostics;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.State;
using Drivechain.Consensus.Vectors;

namespace Drivechain.Benchmarks.Consensus;

/// <summary>
/// <c>connect-profile FILE [RUNS]</c>: the drivechain rules alone (<see cref="DrivechainValidator.Connect"/> from the empty
/// state) over a vector's blocks, parsed beforehand; per run the wall and thread CPU time, the bytes allocated and the GCs,
/// plus the serialized size of the final state. The figure behind the "drivechain rules" line of import-profile.
/// </summary>
internal static class ConnectProfile
{
    public const string CommandName = "connect-profile";

    public static int Run(string[] args, TextWriter output)
    {
        if (!VectorReader.TryRead(File.ReadAllBytes(args[0]), "profile", out var vector, out var error)) { output.WriteLine(error); return 1; }
        if (!vector!.Params.TryCreateParams(out var parameters, out error)) { output.WriteLine(error); return 1; }
        var blocks = vector.Blocks.Select(b => Block.Parse(b.Bytes)).ToArray();
        var validator = new DrivechainValidator(parameters);
        int runs = args.Length > 1 && args[1] != "--allocations" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        using var allocations = args.Contains("--allocations") ? new AllocationSampler() : null;
        DrivechainState state = DrivechainState.Empty;
        for (int run = 0; run < runs; run++)
        {
            int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpu();
            var wall = Stopwatch.StartNew();
            state = DrivechainState.Empty;
            for (int i = 0; i < blocks.Length; i++)
            {
                if (validator.Connect(state, blocks[i], i + 1) is not ConnectOutcome.Accepted accepted) { output.WriteLine($"block {i + 1} rejected"); return 1; }
                state = accepted.State;
            }
            wall.Stop();
            var cpuUsed = ThreadCpu() - cpu;
            output.WriteLine($"run {run + 1}: {blocks.Length} blocks, {wall.Elapsed.TotalMilliseconds:F0} ms wall, {cpuUsed.TotalMilliseconds:F0} ms thread CPU " +
                $"({cpuUsed.TotalMicroseconds / blocks.Length:F1} µs/block), {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6:F0} MB allocated " +
                $"({(GC.GetAllocatedBytesForCurrentThread() - allocated) / blocks.Length} B/block), GC {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}");
        }
        allocations?.Report(output);
        output.WriteLine($"final state: {state}, {state.ToBytes().Length} bytes serialized, digest {state.ComputeDigest()}");
        return 0;
    }

    // The calling thread's CPU time (Linux: /proc/thread-self/stat utime+stime in clock ticks); process CPU elsewhere.
    private static TimeSpan ThreadCpu()
    {
        if (!File.Exists("/proc/thread-self/stat")) return Process.GetCurrentProcess().TotalProcessorTime;
        var fields = File.ReadAllText("/proc/thread-self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}

/// <summary>The runtime's allocation samples (one per ~100 KB allocated) by type: where a loop's allocations go.</summary>
internal sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
{
    private readonly Dictionary<string, long> _bytes = [];

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        int typeAt = e.PayloadNames!.IndexOf("TypeName"), amountAt = e.PayloadNames.IndexOf("AllocationAmount64");
        if (typeAt < 0 || amountAt < 0) return;
        var type = e.Payload[typeAt] as string ?? "?";
        long amount = Convert.ToInt64(e.Payload[amountAt], System.Globalization.CultureInfo.InvariantCulture);
        lock (_bytes) _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
    }

    public void Report(TextWriter output)
    {
        lock (_bytes)
        {
            long total = _bytes.Values.Sum();
            foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(25))
                output.WriteLine($"  {100.0 * bytes / total,5:F1}%  {type}");
        }
    }
}
