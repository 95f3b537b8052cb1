namespace Drivechain.Bitcoin.Scripting;

/// <summary>A checker with no transaction: every signature and lock-time check fails (Core's BaseSignatureChecker).</summary>
public sealed class NullSignatureChecker : ISignatureChecker
{
    /// <summary>The shared instance.</summary>
    public static readonly NullSignatureChecker Instance = new();

    private NullSignatureChecker() { }

    /// <inheritdoc />
    public bool CheckEcdsaSignature(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> scriptCode, SigVersion sigVersion) => false;

    /// <inheritdoc />
    public bool CheckSchnorrSignature(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey, SigVersion sigVersion, ScriptExecutionData executionData, out ScriptError error)
    {
        error = ScriptError.SchnorrSig;
        return false;
    }

    /// <inheritdoc />
    public bool CheckTapTweak(ReadOnlySpan<byte> internalKey32, ReadOnlySpan<byte> tweak32, ReadOnlySpan<byte> outputKey32, bool outputKeyParity) => false;

    /// <inheritdoc />
    public bool CheckLockTime(long lockTime) => false;

    /// <inheritdoc />
    public bool CheckSequence(long sequence) => false;
}
