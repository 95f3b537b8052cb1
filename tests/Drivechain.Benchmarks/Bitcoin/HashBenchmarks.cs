using BenchmarkDotNet.Attributes;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Benchmarks.Bitcoin;

/// <summary>Cost of one SHA256d call at the sizes the parser hashes: a merkle pair (64 B) and a typical transaction.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class HashBenchmarks
{
    private readonly byte[] _pair = new byte[64];
    private readonly byte[] _tx = new byte[640];

    /// <summary>One merkle node.</summary>
    [Benchmark(Baseline = true)]
    public UInt256 Sha256dOf64Bytes() => Hashes.Sha256d(_pair);

    /// <summary>One average transaction of block 413567.</summary>
    [Benchmark]
    public UInt256 Sha256dOf640Bytes() => Hashes.Sha256d(_tx);

    /// <summary>RIPEMD-160 of a SHA-256 digest (the second half of HASH160).</summary>
    [Benchmark]
    public UInt160 Hash160Of33Bytes() => Hashes.Hash160(_pair.AsSpan(0, 33));
}
