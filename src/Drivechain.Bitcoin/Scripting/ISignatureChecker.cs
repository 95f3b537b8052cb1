namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// What the interpreter needs from the spending transaction (Core's BaseSignatureChecker): signature and
/// lock-time checks. <see cref="TransactionSignatureChecker"/> binds it to one input.
/// </summary>
public interface ISignatureChecker
{
    /// <summary>
    /// Checks an ECDSA signature (DER ‖ hashtype byte) of <paramref name="scriptCode"/> under
    /// <paramref name="sigVersion"/>. Encoding rules were already applied by the interpreter.
    /// </summary>
    bool CheckEcdsaSignature(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> scriptCode, SigVersion sigVersion);

    /// <summary>
    /// Checks a BIP340 signature (64 bytes, or 65 with a hashtype) by a 32-byte x-only key; on failure
    /// <paramref name="error"/> tells why (SCHNORR_SIG_SIZE, SCHNORR_SIG_HASHTYPE, SCHNORR_SIG).
    /// </summary>
    bool CheckSchnorrSignature(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey, SigVersion sigVersion, ScriptExecutionData executionData, out ScriptError error);

    /// <summary>
    /// BIP341 tweak check used for script-path commitments: <paramref name="outputKey32"/> with
    /// <paramref name="outputKeyParity"/> equals internal + tweak·G (see <see cref="Crypto.ISecp256k1.CheckTapTweak"/>).
    /// </summary>
    bool CheckTapTweak(ReadOnlySpan<byte> internalKey32, ReadOnlySpan<byte> tweak32, ReadOnlySpan<byte> outputKey32, bool outputKeyParity);

    /// <summary>BIP65: whether the transaction's nLockTime satisfies <paramref name="lockTime"/>.</summary>
    bool CheckLockTime(long lockTime);

    /// <summary>BIP112: whether the input's nSequence satisfies <paramref name="sequence"/>.</summary>
    bool CheckSequence(long sequence);
}
