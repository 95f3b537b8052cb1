using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Benchmarks.Crypto;

/// <summary>
/// ECDSA and BIP340 verification per backend; in each category the native backend is the baseline, so the Ratio
/// column is managed time / native time. Run: <c>dotnet run -c Release --project tests/Drivechain.Benchmarks -- --filter '*Secp256k1*'</c>.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Secp256k1VerifyBenchmarks
{
    private const int Count = 16;

    private readonly ISecp256k1 _managed = Secp256k1Provider.Managed;
    private ISecp256k1 _native = null!;
    private byte[][] _hashes = null!, _compact = null!, _publicKeys = null!, _schnorrSignatures = null!, _xOnlyKeys = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        if (!Secp256k1Provider.TryCreateNative(out var native))
            throw new InvalidOperationException("libsecp256k1 is not installed; the native baseline cannot run.");
        _native = native;
        var random = new Random(42);
        _hashes = new byte[Count][];
        _compact = new byte[Count][];
        _publicKeys = new byte[Count][];
        _schnorrSignatures = new byte[Count][];
        _xOnlyKeys = new byte[Count][];
        for (int i = 0; i < Count; i++)
        {
            var key = new byte[32];
            do
                random.NextBytes(key);
            while (!native.IsValidSecretKey(key));
            _hashes[i] = new byte[32];
            random.NextBytes(_hashes[i]);
            _publicKeys[i] = native.GetPublicKey(key, compressed: true);
            _compact[i] = new byte[64];
            EcdsaSignatures.TryParseDerLax(native.SignEcdsa(_hashes[i], key), _compact[i]);
            _xOnlyKeys[i] = native.GetXOnlyPublicKey(key);
            _schnorrSignatures[i] = native.SignSchnorr(_hashes[i], key, new byte[32]);
        }
    }

    private int Next() => _next = (_next + 1) & (Count - 1);

    [Benchmark(Baseline = true), BenchmarkCategory("EcdsaVerify")]
    public bool EcdsaVerifyNative()
    {
        int i = Next();
        return _native.VerifyEcdsa(_hashes[i], _compact[i], _publicKeys[i]);
    }

    [Benchmark, BenchmarkCategory("EcdsaVerify")]
    public bool EcdsaVerifyManaged()
    {
        int i = Next();
        return _managed.VerifyEcdsa(_hashes[i], _compact[i], _publicKeys[i]);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("SchnorrVerify")]
    public bool SchnorrVerifyNative()
    {
        int i = Next();
        return _native.VerifySchnorr(_hashes[i], _schnorrSignatures[i], _xOnlyKeys[i]);
    }

    [Benchmark, BenchmarkCategory("SchnorrVerify")]
    public bool SchnorrVerifyManaged()
    {
        int i = Next();
        return _managed.VerifySchnorr(_hashes[i], _schnorrSignatures[i], _xOnlyKeys[i]);
    }
}
