using System.Collections.Immutable;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;
using Drivechain.Node.Mempool;

namespace Drivechain.Node.Rpc.Signing;

/// <summary>
/// Signs the inputs it has keys for, as Core's SignTransaction does for single-key scripts: P2PK, P2PKH, P2WPKH,
/// P2SH-P2WPKH, P2SH/P2WSH around P2PK/P2PKH, and BIP86 taproot key path. Every input is then verified with the
/// standard flags; inputs that fail keep what they had and are reported.
/// </summary>
public sealed class TransactionSigner(ISecp256k1 secp)
{
    /// <summary>
    /// Signs <c>tx</c> with <c>keys</c>. <c>spent</c>: the output each input spends, null when unknown ("Input not found
    /// or already spent"); <c>redeemScripts</c>: P2SH redeem and P2WSH witness scripts from the caller; <c>hashType</c>:
    /// 0 = taproot DEFAULT (ALL for other inputs), else a SIGHASH_* byte.
    /// </summary>
    public SigningResult Sign(Transaction tx, IReadOnlyList<TxOut?> spent, IEnumerable<(byte[] Secret, bool Compressed)> keys,
        IReadOnlyCollection<Script> redeemScripts, int hashType)
    {
        var keyList = keys.Select(k => new SigningKey(k.Secret, k.Compressed, secp)).ToList();
        var spentOutputs = spent.Select(o => o ?? new TxOut(Money.Zero, Script.Empty)).ToList();
        var data = new PrecomputedTransactionData(tx, spentOutputs);
        var inputs = tx.Inputs.ToBuilder();
        for (var i = 0; i < tx.Inputs.Length; i++)
        {
            if (spent[i] is not { } prev) continue;
            var inputHashType = hashType == 0 && prev.ScriptPubKey.GetTemplate().Kind != ScriptTemplateKind.WitnessV1Taproot ? 1 : hashType;
            var signed = SignInput(data, i, prev, keyList, redeemScripts, inputHashType);
            if (signed is not null) inputs[i] = signed;
        }
        var result = new Transaction(tx.Version, inputs.ToImmutable(), tx.Outputs, tx.LockTime);
        var verifyData = new PrecomputedTransactionData(result, spentOutputs);
        var errors = new List<(int, string)>();
        for (var i = 0; i < result.Inputs.Length; i++)
        {
            if (spent[i] is not { } prev)
            {
                errors.Add((i, "Input not found or already spent"));
                continue;
            }
            var flags = StandardPolicy.ScriptFlagsFor(prev.ScriptPubKey);
            if (!ScriptVerifier.VerifyInput(verifyData, i, flags, secp, out var error))
                errors.Add((i, error.ToCoreMessage()));
        }
        return new SigningResult(result, errors);
    }

    private TxIn? SignInput(PrecomputedTransactionData data, int i, TxOut prev, List<SigningKey> keys, IReadOnlyCollection<Script> scripts, int hashType)
    {
        var input = data.Transaction.Inputs[i];
        var script = prev.ScriptPubKey;
        var template = script.GetTemplate();
        switch (template.Kind)
        {
            case ScriptTemplateKind.PubKey or ScriptTemplateKind.PubKeyHash:
            {
                var pushes = SignBare(data, i, script, script, keys, hashType, SigVersion.Base, prev.Value);
                return pushes is null ? null : input with { ScriptSig = PushAll(pushes) };
            }
            case ScriptTemplateKind.WitnessV0KeyHash:
            {
                var key = keys.FirstOrDefault(k => k.KeyHash.ToBytes().AsSpan().SequenceEqual(template.Data.Span));
                if (key is null) return null;
                var sig = SignEcdsa(data, i, P2pkhScript(key.KeyHash), key, hashType, SigVersion.WitnessV0, prev.Value);
                return input with { Witness = Witness.Of(sig, key.PublicKey) };
            }
            case ScriptTemplateKind.WitnessV0ScriptHash:
            {
                var witnessScript = scripts.FirstOrDefault(s => Hashes.Sha256(s.Span).ToBytes().AsSpan().SequenceEqual(template.Data.Span));
                if (witnessScript.IsEmpty) return null;
                var pushes = SignBare(data, i, witnessScript, witnessScript, keys, hashType, SigVersion.WitnessV0, prev.Value);
                return pushes is null ? null : input with { Witness = Witness.Of([.. pushes, witnessScript.Span.ToArray()]) };
            }
            case ScriptTemplateKind.ScriptHash:
            {
                var redeem = scripts.FirstOrDefault(s => Hashes.Hash160(s.Span).ToBytes().AsSpan().SequenceEqual(template.Data.Span));
                if (redeem.IsEmpty)
                {
                    // P2SH-P2WPKH for one of our keys needs no caller-supplied script.
                    var nested = keys.Select(k => new ScriptBuilder().Op(OpcodeType.OP_0).Push(k.KeyHash.ToBytes()).ToScript())
                        .FirstOrDefault(s => Hashes.Hash160(s.Span).ToBytes().AsSpan().SequenceEqual(template.Data.Span));
                    if (nested.IsEmpty) return null;
                    redeem = nested;
                }
                var inner = redeem.GetTemplate();
                if (inner.Kind == ScriptTemplateKind.WitnessV0KeyHash)
                {
                    var key = keys.FirstOrDefault(k => k.KeyHash.ToBytes().AsSpan().SequenceEqual(inner.Data.Span));
                    if (key is null) return null;
                    var sig = SignEcdsa(data, i, P2pkhScript(key.KeyHash), key, hashType, SigVersion.WitnessV0, prev.Value);
                    return input with { ScriptSig = PushAll([redeem.Span.ToArray()]), Witness = Witness.Of(sig, key.PublicKey) };
                }
                if (inner.Kind == ScriptTemplateKind.WitnessV0ScriptHash)
                {
                    var witnessScript = scripts.FirstOrDefault(s => Hashes.Sha256(s.Span).ToBytes().AsSpan().SequenceEqual(inner.Data.Span));
                    if (witnessScript.IsEmpty) return null;
                    var pushes = SignBare(data, i, witnessScript, witnessScript, keys, hashType, SigVersion.WitnessV0, prev.Value);
                    return pushes is null ? null : input with
                    {
                        ScriptSig = PushAll([redeem.Span.ToArray()]),
                        Witness = Witness.Of([.. pushes, witnessScript.Span.ToArray()]),
                    };
                }
                var legacy = SignBare(data, i, redeem, redeem, keys, hashType, SigVersion.Base, prev.Value);
                return legacy is null ? null : input with { ScriptSig = PushAll([.. legacy, redeem.Span.ToArray()]) };
            }
            case ScriptTemplateKind.WitnessV1Taproot:
            {
                var key = keys.FirstOrDefault(k => k.TaprootOutputKey is not null && k.TaprootOutputKey.AsSpan().SequenceEqual(template.Data.Span));
                if (key?.TaprootSecret is null) return null;
                if (!SignatureHash.TryTaproot(data, i, (byte)hashType, out var sighash)) return null;
                var sig = secp.SignSchnorr(sighash.ToBytes(), key.TaprootSecret, new byte[32]);
                var witnessSig = hashType == 0 ? sig : [.. sig, (byte)hashType];
                return input with { Witness = Witness.Of(witnessSig) };
            }
            default:
                return null;
        }
    }

    /// <summary>Signatures (and key) for a P2PK or P2PKH script, or null when we hold no matching key.</summary>
    private List<byte[]>? SignBare(PrecomputedTransactionData data, int i, Script script, Script scriptCode, List<SigningKey> keys,
        int hashType, SigVersion sigVersion, Money amount)
    {
        var template = script.GetTemplate();
        if (template.Kind == ScriptTemplateKind.PubKey)
        {
            var key = keys.FirstOrDefault(k => k.PublicKey.AsSpan().SequenceEqual(template.Data.Span));
            return key is null ? null : [SignEcdsa(data, i, scriptCode, key, hashType, sigVersion, amount)];
        }
        if (template.Kind == ScriptTemplateKind.PubKeyHash)
        {
            var key = keys.FirstOrDefault(k => k.KeyHash.ToBytes().AsSpan().SequenceEqual(template.Data.Span));
            return key is null ? null : [SignEcdsa(data, i, scriptCode, key, hashType, sigVersion, amount), key.PublicKey];
        }
        return null;
    }

    private byte[] SignEcdsa(PrecomputedTransactionData data, int i, Script scriptCode, SigningKey key, int hashType, SigVersion sigVersion, Money amount)
    {
        var sighash = sigVersion == SigVersion.WitnessV0
            ? SignatureHash.WitnessV0(scriptCode, data, i, hashType, amount)
            : SignatureHash.Legacy(scriptCode, data.Transaction, i, hashType);
        return [.. secp.SignEcdsa(sighash.ToBytes(), key.Secret), (byte)hashType];
    }

    private static Script P2pkhScript(UInt160 keyHash) =>
        new ScriptBuilder().Ops(OpcodeType.OP_DUP, OpcodeType.OP_HASH160).Push(keyHash.ToBytes())
            .Ops(OpcodeType.OP_EQUALVERIFY, OpcodeType.OP_CHECKSIG).ToScript();

    private static Script PushAll(IEnumerable<byte[]> items)
    {
        var builder = new ScriptBuilder();
        foreach (var item in items) builder.Push(item);
        return builder.ToScript();
    }
}
