using BenchmarkDotNet.Attributes;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Scripting;
using Script = Drivechain.Bitcoin.Scripting.Script;

namespace Drivechain.Benchmarks.Scripting;

/// <summary>Verification of one signed P2TR key-path input (BIP341 sighash + BIP340) on the native backend.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class P2trKeyPathInputVerificationBenchmark
{
    private PrecomputedTransactionData _data = null!;
    private ISecp256k1 _secp = null!;
    private byte[] _sighash = null!;
    private byte[] _signature = null!;
    private byte[] _outputKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        _secp = Secp256k1Provider.TryCreateNative(out var native) ? native : throw new InvalidOperationException("libsecp256k1 missing");
        _data = SignedInputs.P2trKeyPath(_secp);
        if (!Verify()) throw new InvalidOperationException("the benchmark input does not verify");
        _signature = _data.Transaction.Inputs[0].Witness[0].ToArray();
        _outputKey = _data.SpentOutputs[0].ScriptPubKey.Span[2..].ToArray();
        if (!SignatureHash.TryTaproot(_data, 0, 0, out var sighash)) throw new InvalidOperationException("sighash failed");
        _sighash = sighash.ToBytes();
        if (!SignatureOnly()) throw new InvalidOperationException("the bare signature does not verify");
    }

    /// <summary>The bare BIP340 verification (sighash precomputed): the floor under <see cref="Verify"/>.</summary>
    [Benchmark(Baseline = true)]
    public bool SignatureOnly() => _secp.VerifySchnorr(_sighash, _signature, _outputKey);

    [Benchmark]
    public bool Verify() => ScriptVerifier.VerifyInput(_data, 0, SignedInputs.ConsensusFlags, _secp, out _);
}
