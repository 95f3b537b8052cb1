using BenchmarkDotNet.Attributes;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Benchmarks.Scripting;

/// <summary>Verification of one signed P2TR key-path input (BIP341 sighash + BIP340) on the native backend.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class P2trKeyPathInputVerificationBenchmark
{
    private PrecomputedTransactionData _data = null!;
    private ISecp256k1 _secp = null!;

    [GlobalSetup]
    public void Setup()
    {
        _secp = Secp256k1Provider.TryCreateNative(out var native) ? native : throw new InvalidOperationException("libsecp256k1 missing");
        _data = SignedInputs.P2trKeyPath(_secp);
        if (!Verify()) throw new InvalidOperationException("the benchmark input does not verify");
    }

    [Benchmark]
    public bool Verify() => ScriptVerifier.VerifyInput(_data, 0, SignedInputs.ConsensusFlags, _secp, out _);
}
