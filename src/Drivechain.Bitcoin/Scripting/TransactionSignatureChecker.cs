using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// Core's GenericTransactionSignatureChecker: checks signatures and lock times for one input of a transaction,
/// using the transaction's <see cref="PrecomputedTransactionData"/> and an <see cref="ISecp256k1"/> backend.
/// </summary>
public sealed class TransactionSignatureChecker : ISignatureChecker
{
    private const uint LockTimeThreshold = 500_000_000;

    private readonly PrecomputedTransactionData _data;
    private readonly int _inputIndex;
    private readonly Money _amount;
    private readonly ISecp256k1 _secp;

    /// <summary>A checker for input <paramref name="inputIndex"/> spending <paramref name="amount"/>.</summary>
    public TransactionSignatureChecker(PrecomputedTransactionData data, int inputIndex, Money amount, ISecp256k1 secp)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(secp);
        if ((uint)inputIndex >= (uint)data.Transaction.Inputs.Length) throw new ArgumentOutOfRangeException(nameof(inputIndex));
        _data = data;
        _inputIndex = inputIndex;
        _amount = amount;
        _secp = secp;
    }

    /// <summary>A checker for input <paramref name="inputIndex"/> spending the amount of its spent output.</summary>
    public TransactionSignatureChecker(PrecomputedTransactionData data, int inputIndex, ISecp256k1 secp)
        : this(data, inputIndex, data?.SpentOutputs[inputIndex].Value ?? default, secp) { }

    /// <inheritdoc />
    public bool CheckEcdsaSignature(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> scriptCode, SigVersion sigVersion)
    {
        if (publicKey.IsEmpty || EcdsaSignatures.PublicKeyLength(publicKey[0]) != publicKey.Length) return false;
        if (signature.IsEmpty) return false;
        int hashType = signature[^1];
        var sighash = sigVersion == SigVersion.WitnessV0
            ? SignatureHash.WitnessV0(scriptCode, _data, _inputIndex, hashType, _amount)
            : SignatureHash.Legacy(scriptCode, _data.Transaction, _inputIndex, hashType);
        Span<byte> message = stackalloc byte[32];
        sighash.WriteTo(message);
        return EcdsaSignatures.Verify(_secp, message, signature[..^1], publicKey);
    }

    /// <inheritdoc />
    public bool CheckSchnorrSignature(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey, SigVersion sigVersion, ScriptExecutionData executionData, out ScriptError error)
    {
        if (signature.Length != 64 && signature.Length != 65)
        {
            error = ScriptError.SchnorrSigSize;
            return false;
        }
        byte hashType = SignatureEncoding.SigHashDefault;
        if (signature.Length == 65)
        {
            hashType = signature[64];
            if (hashType == SignatureEncoding.SigHashDefault)
            {
                error = ScriptError.SchnorrSigHashType;
                return false;
            }
            signature = signature[..64];
        }
        if (!SignatureHash.TryTaproot(_data, _inputIndex, hashType, sigVersion, executionData, out var sighash))
        {
            error = ScriptError.SchnorrSigHashType;
            return false;
        }
        Span<byte> message = stackalloc byte[32];
        sighash.WriteTo(message);
        if (!_secp.VerifySchnorr(message, signature, publicKey))
        {
            error = ScriptError.SchnorrSig;
            return false;
        }
        error = ScriptError.Ok;
        return true;
    }

    /// <inheritdoc />
    public bool CheckTapTweak(ReadOnlySpan<byte> internalKey32, ReadOnlySpan<byte> tweak32, ReadOnlySpan<byte> outputKey32, bool outputKeyParity) =>
        _secp.CheckTapTweak(internalKey32, tweak32, outputKey32, outputKeyParity);

    /// <inheritdoc />
    public bool CheckLockTime(long lockTime)
    {
        var tx = _data.Transaction;
        // Both must be block heights or both timestamps.
        bool txIsHeight = tx.LockTime < LockTimeThreshold;
        bool argIsHeight = lockTime < LockTimeThreshold;
        if (txIsHeight != argIsHeight) return false;
        if (lockTime > tx.LockTime) return false;
        // A final input would let the lock time be bypassed.
        return tx.Inputs[_inputIndex].Sequence != TxIn.SequenceFinal;
    }

    /// <inheritdoc />
    public bool CheckSequence(long sequence)
    {
        var tx = _data.Transaction;
        long txSequence = tx.Inputs[_inputIndex].Sequence;
        if (tx.Version < 2) return false;
        if ((txSequence & TxIn.SequenceLockTimeDisableFlag) != 0) return false;
        const long mask = TxIn.SequenceLockTimeTypeFlag | TxIn.SequenceLockTimeMask;
        long txMasked = txSequence & mask;
        long argMasked = sequence & mask;
        bool txIsTime = txMasked >= TxIn.SequenceLockTimeTypeFlag;
        bool argIsTime = argMasked >= TxIn.SequenceLockTimeTypeFlag;
        if (txIsTime != argIsTime) return false;
        return argMasked <= txMasked;
    }
}
