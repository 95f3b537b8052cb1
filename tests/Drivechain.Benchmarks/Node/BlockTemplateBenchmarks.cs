using BenchmarkDotNet.Attributes;
using Drivechain.Node.Mempool;

namespace Drivechain.Benchmarks.Node;

/// <summary>
/// Time to assemble (and fully validate: base rules with scripts, and drivechain rules) a block template from a
/// 5,000-transaction mempool, as getblocktemplate and the miner do.
/// </summary>
[MemoryDiagnoser]
public class BlockTemplateBenchmarks
{
    private RegtestNodeSetup _setup = null!;

    [GlobalSetup]
    public void Setup()
    {
        _setup = new RegtestNodeSetup(5000);
        var mempool = _setup.Services.GetService(typeof(NodeMempool)) as NodeMempool;
        foreach (var tx in _setup.Spends)
            if (!mempool!.Accept(tx, testOnly: false).Accepted) throw new InvalidOperationException("setup transaction refused");
        if (mempool!.Pool.Count != 5000) throw new InvalidOperationException($"mempool holds {mempool.Pool.Count}");
    }

    [GlobalCleanup]
    public void Cleanup() => _setup.Dispose();

    [Benchmark]
    public int AssembleTemplateFrom5000TxMempool() => _setup.Assembler.Create(_setup.PayTo).Transactions.Length;
}
