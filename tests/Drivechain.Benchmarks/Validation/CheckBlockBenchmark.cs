using BenchmarkDotNet.Attributes;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Testing.Vectors;

namespace Drivechain.Benchmarks.Validation;

/// <summary>
/// Core's CheckBlockTest on mainnet block 413,567 (1,557 transactions, ~1 MB): the context-free checks (proof of
/// work, merkle root, size, coinbase, CheckTransaction, legacy sigops), beside parsing the block as the baseline.
/// </summary>
[MemoryDiagnoser]
public class CheckBlockBenchmark
{
    private byte[] _raw = [];
    private Block _block = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = File.ReadAllBytes(VectorPaths.File("bitcoin-core", "block413567.raw"));
        _block = Block.Parse(_raw);
        if (BlockValidation.CheckBlock(_block, Network.Main) is { } error)
            throw new InvalidOperationException($"block 413567 must pass CheckBlock: {error}");
    }

    /// <summary>Parse (and hash every transaction).</summary>
    [Benchmark(Baseline = true)]
    public Block ParseAndHash() => Block.Parse(_raw);

    /// <summary>CheckBlock on the parsed block.</summary>
    [Benchmark]
    public BlockValidationError? CheckBlock() => BlockValidation.CheckBlock(_block, Network.Main);

    /// <summary>Parse then CheckBlock, as Core's benchmark does.</summary>
    [Benchmark]
    public BlockValidationError? ParseAndCheckBlock() => BlockValidation.CheckBlock(Block.Parse(_raw), Network.Main);
}
