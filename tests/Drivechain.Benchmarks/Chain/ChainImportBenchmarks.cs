using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;
using Drivechain.Testing.Chains;

namespace Drivechain.Benchmarks.Chain;

/// <summary>
/// Import of a generated regtest chain through <see cref="ChainManager.SubmitBlock(Block)"/>: the replay speed
/// scenario of <see cref="ReplayBenchmarkChain"/> (all sidechains active, an M4 over every slot in every block,
/// a deposit, a bundle proposal and payouts; wallet spends are P2WSH(OP_TRUE), so no signatures). In memory
/// (the replay mode) and on disk (SQLite + block files). Each invocation imports the whole chain into a fresh
/// chain; blocks are parsed once, before measuring. Per-run figures (blocks/s, inputs/s, drivechain share,
/// peak working set) are printed by <see cref="Cleanup"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ChainImportBenchmarks
{
    private List<Block> _blocks = [];
    private ChainGenerator? _generator;
    private readonly List<string> _report = [];

    [Params(5_000)]
    public int Blocks { get; set; }

    [Params(255)]
    public int Sidechains { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _generator = ReplayBenchmarkChain.Generate(Blocks, Sidechains);
        _blocks = [.. _generator.Log.Select(e => Block.Parse(e.Block.ToBytes()))];
    }

    [Benchmark(Baseline = true)]
    public int ImportInMemory()
    {
        using var chain = ChainManager.CreateInMemory(_generator!.Options.Network, _generator.Params, Secp256k1Provider.CreateDefault());
        return Import(chain, "memory");
    }

    [Benchmark]
    public int ImportOnDisk()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dcnet-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var chain = ChainManager.Open(dir, _generator!.Options.Network, _generator.Params, Secp256k1Provider.CreateDefault());
            return Import(chain, "disk");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private int Import(ChainManager chain, string mode)
    {
        var start = Stopwatch.GetTimestamp();
        foreach (var block in _blocks)
            if (chain.SubmitBlock(block) is SubmitOutcome.Rejected rejected)
                throw new InvalidOperationException($"generated block {rejected.Hash} rejected: {rejected.Code} {rejected.Reason}");
        if (!chain.IsInMemory) chain.Flush();
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var stats = chain.Statistics;
        _report.Add($"{mode}: {stats.BlocksConnected} blocks in {seconds:F2} s = {stats.BlocksConnected / seconds:F0} blocks/s, " +
            $"{stats.InputsConnected / seconds:F0} inputs/s ({stats.InputsConnected} inputs, {stats.TransactionsConnected} txs); " +
            $"base rules {stats.BaseRuleSeconds:F2} s ({100 * stats.BaseRuleSeconds / seconds:F0} %), " +
            $"drivechain rules {stats.DrivechainRuleSeconds:F2} s ({100 * stats.DrivechainRuleSeconds / seconds:F0} %), " +
            $"flush {stats.FlushSeconds:F2} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        return chain.Height;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var line in _report) Console.WriteLine("// " + line);
    }
}
