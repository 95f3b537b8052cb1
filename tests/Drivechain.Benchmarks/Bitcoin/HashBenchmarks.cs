using BenchmarkDotNet.Attributes;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Benchmarks.Bitcoin;

/// <summary>
/// Cost of one SHA256d call at the sizes the parser hashes: a merkle pair (64 B) and a typical transaction; ours
/// (<see cref="Sha256Hasher"/>: OpenSSL's low-level SHA-256) beside the BCL's <see cref="System.Security.Cryptography.SHA256"/>.
/// </summary>
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

    /// <summary>The same merkle node through the BCL (EVP with a context per call).</summary>
    [Benchmark]
    public byte[] BclSha256dOf64Bytes() => System.Security.Cryptography.SHA256.HashData(System.Security.Cryptography.SHA256.HashData(_pair));

    /// <summary>The same transaction through the BCL.</summary>
    [Benchmark]
    public byte[] BclSha256dOf640Bytes() => System.Security.Cryptography.SHA256.HashData(System.Security.Cryptography.SHA256.HashData(_tx));

    /// <summary>RIPEMD-160 of a SHA-256 digest (the second half of HASH160).</summary>
    [Benchmark]
    public UInt160 Hash160Of33Bytes() => Hashes.Hash160(_pair.AsSpan(0, 33));
}
