using BenchmarkDotNet.Attributes;
using OurBlock = Drivechain.Bitcoin.Primitives.Block;
using Drivechain.Consensus.NBitcoin;
using Drivechain.Testing.Vectors;
using NBitcoin;

namespace Drivechain.Benchmarks.Embedding;

/// <summary>
/// What the NBitcoin adapter's byte boundary costs per block: converting an NBitcoin block of mainnet block 413567
/// (999,887 bytes, 1,557 transactions) to ours (NBitcoin serializes, we parse), against our own parse of the same bytes.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class NBitcoinAdapterBenchmarks
{
    private byte[] _raw = [];
    private NBitcoin.Block _theirs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = File.ReadAllBytes(VectorPaths.File("bitcoin-core", "block413567.raw"));
        _theirs = NBitcoin.Block.Load(_raw, NBitcoin.Network.Main);
    }

    /// <summary>Our parse of the raw bytes (what a host using our types directly pays).</summary>
    [Benchmark(Baseline = true)]
    public OurBlock ParseOurs() => OurBlock.Parse(_raw);

    /// <summary>NBitcoin block → bytes → our block (the adapter's conversion).</summary>
    [Benchmark]
    public OurBlock ConvertFromNBitcoin() => NBitcoinConversions.ToDrivechain(_theirs);

    /// <summary>NBitcoin's own serialization alone.</summary>
    [Benchmark]
    public byte[] NBitcoinToBytes() => _theirs.ToBytes();
}
