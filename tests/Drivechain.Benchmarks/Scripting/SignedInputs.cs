using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Benchmarks.Scripting;

/// <summary>Builds one signed single-input transaction per output type with a backend's signing functions.</summary>
internal static class SignedInputs
{
    private static readonly byte[] SecretKey = Convert.FromHexString("4bd3a1fbbd4f1bb5e1c1c2f0b7f5e2b1c3d4e5f60718293a4b5c6d7e8f901234");
    private static readonly Money Amount = new(1_000_000);

    public const ScriptVerifyFlags ConsensusFlags = ScriptVerifyFlags.P2SH | ScriptVerifyFlags.DerSig | ScriptVerifyFlags.NullDummy |
        ScriptVerifyFlags.CheckLockTimeVerify | ScriptVerifyFlags.CheckSequenceVerify | ScriptVerifyFlags.Witness | ScriptVerifyFlags.Taproot;

    private static Transaction Spend(Witness witness) =>
        new(2, [new TxIn(new OutPoint(new UInt256(42UL), 0), Script.Empty, 0xfffffffd, witness)],
            [new TxOut(new Money(990_000), Script.FromHex("0014" + new string('a', 40)))], 0);

    public static PrecomputedTransactionData P2wpkh(ISecp256k1 secp)
    {
        var publicKey = secp.GetPublicKey(SecretKey, compressed: true);
        var hash = Hashes.Hash160(publicKey).ToBytes();
        var spent = new TxOut(Amount, new Script((byte[])[0x00, 0x14, .. hash]));
        var scriptCode = new Script((byte[])[0x76, 0xa9, 0x14, .. hash, 0x88, 0xac]);
        var unsigned = new PrecomputedTransactionData(Spend(Witness.Empty), [spent]);
        var sighash = SignatureHash.WitnessV0(scriptCode, unsigned, 0, SignatureEncoding.SigHashAll, Amount);
        byte[] signature = [.. secp.SignEcdsa(sighash.ToBytes(), SecretKey), SignatureEncoding.SigHashAll];
        return new PrecomputedTransactionData(Spend(Witness.Of(signature, publicKey)), [spent]);
    }

    public static PrecomputedTransactionData P2trKeyPath(ISecp256k1 secp)
    {
        var internalKey = secp.GetXOnlyPublicKey(SecretKey);
        var tweak = TaprootCommitment.TweakHash(internalKey, null).ToBytes();
        if (!secp.TryTweakXOnlyPublicKey(internalKey, tweak, out var outputKey, out _) || !secp.TryTweakSecretKey(SecretKey, tweak, out var tweakedKey))
            throw new InvalidOperationException("tweak failed");
        var spent = new TxOut(Amount, new Script((byte[])[0x51, 0x20, .. outputKey]));
        var unsigned = new PrecomputedTransactionData(Spend(Witness.Empty), [spent]);
        if (!SignatureHash.TryTaproot(unsigned, 0, SignatureEncoding.SigHashDefault, out var sighash))
            throw new InvalidOperationException("sighash failed");
        var signature = secp.SignSchnorr(sighash.ToBytes(), tweakedKey, new byte[32]);
        return new PrecomputedTransactionData(Spend(Witness.Of(signature)), [spent]);
    }
}
