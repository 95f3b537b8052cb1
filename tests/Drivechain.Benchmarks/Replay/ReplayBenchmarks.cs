using BenchmarkDotNet.Attributes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Cli;
using Drivechain.Cli.Replay;
using Drivechain.Testing.Chains;
using Drivechain.Consensus.Vectors;

namespace Drivechain.Benchmarks.Replay;

/// <summary>
/// <c>drivechain replay</c> of a generated chain (255 active sidechains; every block an M4 over all of them, a
/// deposit, a bundle proposal, payouts): the whole command (read, JSON, parse, full validation) against parsing alone.
/// Blocks per second = <see cref="Blocks"/> / mean.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private string _path = "";
    private byte[] _json = [];

    [Params(2000)]
    public int Blocks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"drivechain-replay-bench-{Blocks}.json");
        var generator = ReplayBenchmarkChain.Generate(Blocks, sidechains: 255);
        VectorWriter.WriteFile(_path, generator, "replay-bench", "ReplayBenchmarks", stateEvery: 500);
        _json = File.ReadAllBytes(_path);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        if (!VectorReader.TryRead(_json, "bench", out var vector, out var error)) throw new InvalidOperationException(error);
        var transactions = 0;
        foreach (var block in vector!.Blocks) transactions += Block.Parse(block.Bytes).Transactions.Length;
        return transactions;
    }

    [Benchmark]
    public int ReplayCommand()
    {
        var exitCode = CliApp.Run(["replay", _path], TextWriter.Null, TextWriter.Null);
        return exitCode == 0 ? exitCode : throw new InvalidOperationException("the generated chain did not replay");
    }
}
