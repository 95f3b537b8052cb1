using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Drivechain.Bitcoin.Crypto.Native;

/// <summary>
/// <see cref="ISecp256k1"/> over the system libsecp256k1 (probed as libsecp256k1.so.2, .so.1, .so). One
/// context is created per process (flags VERIFY|SIGN) and never destroyed; libsecp256k1 allows concurrent use
/// of a context by the const functions called here, so the instance is thread-safe. Illegal-argument callbacks
/// are replaced by a no-op (the call then returns 0) instead of the library's default abort; arguments are
/// checked here first anyway.
/// </summary>
public sealed unsafe class NativeSecp256k1 : ISecp256k1
{
    private static readonly Lazy<NativeSecp256k1?> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly LibSecp256k1 _lib;
    private readonly nint _context;

    private NativeSecp256k1(LibSecp256k1 lib, nint context)
    {
        _lib = lib;
        _context = context;
        Name = $"libsecp256k1 ({lib.LibraryName})";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The process-wide native instance, or false when no usable libsecp256k1 is installed.</summary>
    public static bool TryGet([NotNullWhen(true)] out NativeSecp256k1? native)
    {
        native = Shared.Value;
        return native is not null;
    }

    private static NativeSecp256k1? Create()
    {
        if (!LibSecp256k1.TryLoad(out var lib))
            return null;
        var context = lib!.ContextCreate(LibSecp256k1.ContextVerifySign);
        if (context == 0)
            return null;
        lib.SetIllegalCallback(context, &IgnoreCallback, null);
        lib.SetErrorCallback(context, &IgnoreCallback, null);
        return new NativeSecp256k1(lib, context);
    }

    [UnmanagedCallersOnly]
    private static void IgnoreCallback(byte* message, void* data)
    {
    }

    /// <inheritdoc />
    public bool IsValidPublicKey(ReadOnlySpan<byte> publicKey)
    {
        byte* pubkey = stackalloc byte[LibSecp256k1.PubKeySize];
        return TryParsePubKey(publicKey, pubkey);
    }

    /// <inheritdoc />
    public bool VerifyEcdsa(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> compactSignature64, ReadOnlySpan<byte> publicKey)
    {
        if (messageHash32.Length != 32 || compactSignature64.Length != 64)
            return false;
        byte* pubkey = stackalloc byte[LibSecp256k1.PubKeySize];
        if (!TryParsePubKey(publicKey, pubkey))
            return false;
        byte* sig = stackalloc byte[LibSecp256k1.SignatureSize];
        fixed (byte* compact = compactSignature64)
        fixed (byte* msg = messageHash32)
        {
            if (_lib.EcdsaSignatureParseCompact(_context, sig, compact) != 1)
                return false;
            _lib.EcdsaSignatureNormalize(_context, sig, sig);
            return _lib.EcdsaVerify(_context, sig, msg, pubkey) == 1;
        }
    }

    /// <inheritdoc />
    public bool VerifySchnorr(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature64, ReadOnlySpan<byte> xOnlyPublicKey32)
    {
        if (signature64.Length != 64)
            return false;
        byte* xonly = stackalloc byte[LibSecp256k1.XOnlyPubKeySize];
        if (!TryParseXOnly(xOnlyPublicKey32, xonly))
            return false;
        byte empty = 0;
        fixed (byte* sig = signature64)
        fixed (byte* msgFixed = message)
        {
            var msg = msgFixed == null ? &empty : msgFixed;   // libsecp256k1 wants a non-null pointer even for length 0
            return _lib.SchnorrsigVerify(_context, sig, msg, (nuint)message.Length, xonly) == 1;
        }
    }

    /// <inheritdoc />
    public bool CheckTapTweak(ReadOnlySpan<byte> internalKey32, ReadOnlySpan<byte> tweak32, ReadOnlySpan<byte> outputKey32, bool outputKeyParity)
    {
        if (tweak32.Length != 32 || outputKey32.Length != 32)
            return false;
        byte* xonly = stackalloc byte[LibSecp256k1.XOnlyPubKeySize];
        if (!TryParseXOnly(internalKey32, xonly))
            return false;
        fixed (byte* tweak = tweak32)
        fixed (byte* output = outputKey32)
            return _lib.XOnlyPubKeyTweakAddCheck(_context, output, outputKeyParity ? 1 : 0, xonly, tweak) == 1;
    }

    /// <inheritdoc />
    public bool IsValidSecretKey(ReadOnlySpan<byte> secretKey32)
    {
        if (secretKey32.Length != 32)
            return false;
        fixed (byte* key = secretKey32)
            return _lib.EcSecKeyVerify(_context, key) == 1;
    }

    /// <inheritdoc />
    public byte[] GetPublicKey(ReadOnlySpan<byte> secretKey32, bool compressed)
    {
        byte* pubkey = stackalloc byte[LibSecp256k1.PubKeySize];
        fixed (byte* key = RequireSecretKey(secretKey32))
        {
            if (_lib.EcPubKeyCreate(_context, pubkey, key) != 1)
                throw new ArgumentException("Invalid secret key.", nameof(secretKey32));
        }
        var output = new byte[compressed ? 33 : 65];
        nuint length = (nuint)output.Length;
        fixed (byte* o = output)
        {
            if (_lib.EcPubKeySerialize(_context, o, &length, pubkey, compressed ? LibSecp256k1.EcCompressed : LibSecp256k1.EcUncompressed) != 1
                || length != (nuint)output.Length)
                throw new UnreachableException("ec_pubkey_serialize failed.");
        }
        return output;
    }

    /// <inheritdoc />
    public byte[] SignEcdsa(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> secretKey32)
    {
        if (messageHash32.Length != 32)
            throw new ArgumentException("The message hash must be 32 bytes.", nameof(messageHash32));
        byte* sig = stackalloc byte[LibSecp256k1.SignatureSize];
        fixed (byte* msg = messageHash32)
        fixed (byte* key = RequireSecretKey(secretKey32))
        {
            // Null nonce function = secp256k1_nonce_function_default (RFC6979 HMAC-SHA256); output is low-S.
            if (_lib.EcdsaSign(_context, sig, msg, key, null, null) != 1)
                throw new ArgumentException("Invalid secret key.", nameof(secretKey32));
        }
        Span<byte> der = stackalloc byte[72];
        nuint length = 72;
        fixed (byte* d = der)
        {
            if (_lib.EcdsaSignatureSerializeDer(_context, d, &length, sig) != 1)
                throw new UnreachableException("ecdsa_signature_serialize_der failed.");
        }
        return der[..(int)length].ToArray();
    }

    /// <inheritdoc />
    public byte[] SignSchnorr(ReadOnlySpan<byte> message, ReadOnlySpan<byte> secretKey32, ReadOnlySpan<byte> auxRand32)
    {
        if (auxRand32.Length != 32)
            throw new ArgumentException("The auxiliary randomness must be 32 bytes.", nameof(auxRand32));
        byte* keypair = stackalloc byte[LibSecp256k1.KeyPairSize];
        CreateKeyPair(secretKey32, keypair);
        var signature = new byte[64];
        byte empty = 0;
        fixed (byte* aux = auxRand32)
        fixed (byte* msgFixed = message)
        fixed (byte* sig = signature)
        {
            var extra = new SchnorrsigExtraParams { Magic = SchnorrsigExtraParams.ExpectedMagic, NonceFunction = null, NonceData = aux };
            var msg = msgFixed == null ? &empty : msgFixed;
            if (_lib.SchnorrsigSignCustom(_context, sig, msg, (nuint)message.Length, keypair, &extra) != 1)
                throw new UnreachableException("schnorrsig_sign_custom failed.");
        }
        return signature;
    }

    /// <inheritdoc />
    public byte[] GetXOnlyPublicKey(ReadOnlySpan<byte> secretKey32)
    {
        byte* keypair = stackalloc byte[LibSecp256k1.KeyPairSize];
        CreateKeyPair(secretKey32, keypair);
        byte* xonly = stackalloc byte[LibSecp256k1.XOnlyPubKeySize];
        int parity;
        if (_lib.KeyPairXOnlyPub(_context, xonly, &parity, keypair) != 1)
            throw new UnreachableException("keypair_xonly_pub failed.");
        return SerializeXOnly(xonly);
    }

    /// <inheritdoc />
    public bool TryTweakXOnlyPublicKey(ReadOnlySpan<byte> internalKey32, ReadOnlySpan<byte> tweak32, out byte[] outputKey32, out bool parity)
    {
        outputKey32 = [];
        parity = false;
        if (tweak32.Length != 32)
            return false;
        byte* xonly = stackalloc byte[LibSecp256k1.XOnlyPubKeySize];
        if (!TryParseXOnly(internalKey32, xonly))
            return false;
        byte* pubkey = stackalloc byte[LibSecp256k1.PubKeySize];
        fixed (byte* tweak = tweak32)
        {
            if (_lib.XOnlyPubKeyTweakAdd(_context, pubkey, xonly, tweak) != 1)
                return false;
        }
        byte* output = stackalloc byte[LibSecp256k1.XOnlyPubKeySize];
        int p;
        if (_lib.XOnlyPubKeyFromPubKey(_context, output, &p, pubkey) != 1)
            return false;
        outputKey32 = SerializeXOnly(output);
        parity = p == 1;
        return true;
    }

    /// <inheritdoc />
    public bool TryTweakSecretKey(ReadOnlySpan<byte> secretKey32, ReadOnlySpan<byte> tweak32, out byte[] tweakedSecretKey32)
    {
        tweakedSecretKey32 = [];
        if (secretKey32.Length != 32 || tweak32.Length != 32)
            return false;
        byte* keypair = stackalloc byte[LibSecp256k1.KeyPairSize];
        fixed (byte* key = secretKey32)
        fixed (byte* tweak = tweak32)
        {
            if (_lib.KeyPairCreate(_context, keypair, key) != 1)
                return false;
            if (_lib.KeyPairXOnlyTweakAdd(_context, keypair, tweak) != 1)
                return false;
        }
        var result = new byte[32];
        fixed (byte* r = result)
        {
            if (_lib.KeyPairSec(_context, r, keypair) != 1)
                return false;
        }
        tweakedSecretKey32 = result;
        return true;
    }

    private bool TryParsePubKey(ReadOnlySpan<byte> publicKey, byte* pubkey)
    {
        if (publicKey.Length is not (33 or 65))
            return false;
        fixed (byte* input = publicKey)
            return _lib.EcPubKeyParse(_context, pubkey, input, (nuint)publicKey.Length) == 1;
    }

    private bool TryParseXOnly(ReadOnlySpan<byte> key32, byte* xonly)
    {
        if (key32.Length != 32)
            return false;
        fixed (byte* input = key32)
            return _lib.XOnlyPubKeyParse(_context, xonly, input) == 1;
    }

    private void CreateKeyPair(ReadOnlySpan<byte> secretKey32, byte* keypair)
    {
        fixed (byte* key = RequireSecretKey(secretKey32))
        {
            if (_lib.KeyPairCreate(_context, keypair, key) != 1)
                throw new ArgumentException("Invalid secret key.", nameof(secretKey32));
        }
    }

    private byte[] SerializeXOnly(byte* xonly)
    {
        var output = new byte[32];
        fixed (byte* o = output)
        {
            if (_lib.XOnlyPubKeySerialize(_context, o, xonly) != 1)
                throw new UnreachableException("xonly_pubkey_serialize failed.");
        }
        return output;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> RequireSecretKey(ReadOnlySpan<byte> secretKey32) =>
        secretKey32.Length == 32 ? secretKey32 : throw new ArgumentException("The secret key must be 32 bytes.", nameof(secretKey32));

    /// <summary>secp256k1_schnorrsig_extraparams (magic, nonce function, nonce data = aux_rand32).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct SchnorrsigExtraParams
    {
        public const uint ExpectedMagic = 0x8cb36fda;   // bytes da 6f b3 8c in little-endian memory order
        public uint Magic;
        public void* NonceFunction;
        public void* NonceData;
    }
}
