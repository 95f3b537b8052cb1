using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Node.Chain;
using Drivechain.Testing.Vectors;

namespace Drivechain.Benchmarks.Chain;

/// <summary>
/// Import of Bitcoin Core's signature-heavy regtest chain (<c>core/core-sig-heavy-public.json</c>: ~4,000 real
/// P2PKH, P2SH-P2WPKH, P2WPKH and P2TR key-path signatures in 50-input transactions) through
/// <see cref="ChainManager.SubmitBlock(Block)"/> in memory, with parallel and sequential script checks.
/// Per-run inputs/s are printed by <see cref="Cleanup"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SignedChainImportBenchmarks
{
    private List<Block> _blocks = [];
    private readonly List<string> _report = [];
    private readonly ISecp256k1 _secp = Secp256k1Provider.CreateDefault();

    [GlobalSetup]
    public void Setup()
    {
        _blocks = [.. DrivechainVectors.Read(VectorPaths.File("core", "core-sig-heavy-public.json")).Blocks
            .Where(b => b.ExpectAccept)
            .Select(b => Block.Parse(b.Bytes))];
    }

    [Benchmark(Baseline = true)]
    public int ParallelScripts() => Import(parallel: true);

    [Benchmark]
    public int SequentialScripts() => Import(parallel: false);

    private int Import(bool parallel)
    {
        using var chain = ChainManager.CreateInMemory(Network.Regtest, DrivechainParams.ForNetwork("regtest"), _secp,
            new ChainManagerOptions { ParallelScriptChecks = parallel });
        var start = Stopwatch.GetTimestamp();
        foreach (var block in _blocks)
            if (chain.SubmitBlock(block) is SubmitOutcome.Rejected rejected)
                throw new InvalidOperationException($"block {rejected.Hash} rejected: {rejected.Code} {rejected.Reason}");
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var stats = chain.Statistics;
        _report.Add($"{(parallel ? "parallel" : "sequential")} ({_secp.Name}): {stats.BlocksConnected} blocks, {stats.InputsConnected} inputs in {seconds:F2} s = " +
            $"{stats.InputsConnected / seconds:F0} inputs/s; base rules {100 * stats.BaseRuleSeconds / seconds:F0} %");
        return chain.Height;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var line in _report) Console.WriteLine("// " + line);
    }
}
