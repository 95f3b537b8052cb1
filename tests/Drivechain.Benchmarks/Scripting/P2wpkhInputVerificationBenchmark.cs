using BenchmarkDotNet.Attributes;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Scripting;
using Script = Drivechain.Bitcoin.Scripting.Script;

namespace Drivechain.Benchmarks.Scripting;

/// <summary>Verification of one signed P2WPKH input (BIP143 sighash + ECDSA) on the native backend.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class P2wpkhInputVerificationBenchmark
{
    private PrecomputedTransactionData _data = null!;
    private ISecp256k1 _secp = null!;
    private byte[] _sighash = null!;
    private byte[] _compact = null!;
    private byte[] _publicKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        _secp = Secp256k1Provider.TryCreateNative(out var native) ? native : throw new InvalidOperationException("libsecp256k1 missing");
        _data = SignedInputs.P2wpkh(_secp);
        if (!Verify()) throw new InvalidOperationException("the benchmark input does not verify");
        var input = _data.Transaction.Inputs[0];
        var signature = input.Witness[0].ToArray();
        _publicKey = input.Witness[1].ToArray();
        var hash = Drivechain.Bitcoin.Crypto.Hashes.Hash160(_publicKey).ToBytes();
        var scriptCode = new Script((byte[])[0x76, 0xa9, 0x14, .. hash, 0x88, 0xac]);
        _sighash = SignatureHash.WitnessV0(scriptCode, _data, 0, signature[^1], _data.SpentOutputs[0].Value).ToBytes();
        _compact = new byte[64];
        EcdsaSignatures.TryParseDerLax(signature.AsSpan(0, signature.Length - 1), _compact);
        if (!SignatureOnly()) throw new InvalidOperationException("the bare signature does not verify");
    }

    /// <summary>The bare ECDSA verification (sighash precomputed): the floor under <see cref="Verify"/>.</summary>
    [Benchmark(Baseline = true)]
    public bool SignatureOnly() => _secp.VerifyEcdsa(_sighash, _compact, _publicKey);

    [Benchmark]
    public bool Verify() => ScriptVerifier.VerifyInput(_data, 0, SignedInputs.ConsensusFlags, _secp, out _);
}
