using BenchmarkDotNet.Attributes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Testing.Vectors;

namespace Drivechain.Benchmarks.Bitcoin;

/// <summary>
/// Parsing and re-serializing mainnet block 413567 (999,887 bytes, 1,557 transactions). Throughput in MB/s is
/// 0.999887 / (mean seconds).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BlockParseBenchmarks
{
    private byte[] _raw = [];
    private Block _block = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = File.ReadAllBytes(VectorPaths.File("bitcoin-core", "block413567.raw"));
        _block = Block.Parse(_raw);
    }

    /// <summary>Parse the whole block: headers, every transaction, every txid.</summary>
    [Benchmark(Baseline = true)]
    public Block ParseBlock() => Block.Parse(_raw);

    /// <summary>Serialize the parsed block back to bytes.</summary>
    [Benchmark]
    public byte[] SerializeBlock() => _block.ToBytes();

    /// <summary>Compute the merkle root of the parsed block's txids.</summary>
    [Benchmark]
    public UInt256 MerkleRoot() => _block.ComputeMerkleRoot(out _);
}
