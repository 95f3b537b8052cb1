namespace Drivechain.Bitcoin.Crypto.Secp256k1;

/// <summary>Pure C# secp256k1 (work in progress: not implemented yet).</summary>
public sealed class ManagedSecp256k1 : ISecp256k1
{
    /// <summary>The shared instance.</summary>
    public static ManagedSecp256k1 Instance { get; } = new();

    private ManagedSecp256k1() { }

    /// <inheritdoc />
    public string Name => "managed";

    /// <inheritdoc />
    public bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) => throw new NotImplementedException();
    /// <inheritdoc />
    public bool VerifyEcdsa(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> compactSignature64, ReadOnlySpan<byte> publicKey) => throw new NotImplementedException();
    /// <inheritdoc />
    public bool VerifySchnorr(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature64, ReadOnlySpan<byte> xOnlyPublicKey32) => throw new NotImplementedException();
    /// <inheritdoc />
    public bool CheckTapTweak(ReadOnlySpan<byte> internalKey32, ReadOnlySpan<byte> tweak32, ReadOnlySpan<byte> outputKey32, bool outputKeyParity) => throw new NotImplementedException();
    /// <inheritdoc />
    public bool IsValidSecretKey(ReadOnlySpan<byte> secretKey32) => throw new NotImplementedException();
    /// <inheritdoc />
    public byte[] GetPublicKey(ReadOnlySpan<byte> secretKey32, bool compressed) => throw new NotImplementedException();
    /// <inheritdoc />
    public byte[] SignEcdsa(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> secretKey32) => throw new NotImplementedException();
    /// <inheritdoc />
    public byte[] SignSchnorr(ReadOnlySpan<byte> message, ReadOnlySpan<byte> secretKey32, ReadOnlySpan<byte> auxRand32) => throw new NotImplementedException();
    /// <inheritdoc />
    public byte[] GetXOnlyPublicKey(ReadOnlySpan<byte> secretKey32) => throw new NotImplementedException();
    /// <inheritdoc />
    public bool TryTweakXOnlyPublicKey(ReadOnlySpan<byte> internalKey32, ReadOnlySpan<byte> tweak32, out byte[] outputKey32, out bool parity) => throw new NotImplementedException();
    /// <inheritdoc />
    public bool TryTweakSecretKey(ReadOnlySpan<byte> secretKey32, ReadOnlySpan<byte> tweak32, out byte[] tweakedSecretKey32) => throw new NotImplementedException();
}
