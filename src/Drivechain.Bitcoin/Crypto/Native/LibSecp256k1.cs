using System.Runtime.InteropServices;

namespace Drivechain.Bitcoin.Crypto.Native;

/// <summary>
/// The libsecp256k1 (v0.2.0 API, with the schnorrsig and extrakeys modules) entry points, resolved once from a
/// library handle with <see cref="NativeLibrary.GetExport"/>. No fixed-name DllImport: the library is probed
/// by <see cref="TryLoad"/>. Opaque structures are passed as byte buffers of the sizes below.
/// </summary>
internal sealed unsafe class LibSecp256k1
{
    /// <summary>Sizes of libsecp256k1's opaque structures.</summary>
    public const int PubKeySize = 64, SignatureSize = 64, XOnlyPubKeySize = 64, KeyPairSize = 96;

    /// <summary>SECP256K1_FLAGS_TYPE_CONTEXT | BIT_CONTEXT_VERIFY | BIT_CONTEXT_SIGN (1 | 1&lt;&lt;8 | 1&lt;&lt;9).</summary>
    public const uint ContextVerifySign = 0x0301;

    /// <summary>SECP256K1_EC_COMPRESSED (TYPE_COMPRESSION | BIT_COMPRESSION) and SECP256K1_EC_UNCOMPRESSED.</summary>
    public const uint EcCompressed = 0x0102, EcUncompressed = 0x0002;

    /// <summary>The library names probed, newest ABI first.</summary>
    public static readonly string[] Candidates = ["libsecp256k1.so.2", "libsecp256k1.so.1", "libsecp256k1.so"];

    public string LibraryName { get; }

    public readonly delegate* unmanaged<uint, nint> ContextCreate;
    public readonly delegate* unmanaged<nint, delegate* unmanaged<byte*, void*, void>, void*, void> SetIllegalCallback;
    public readonly delegate* unmanaged<nint, delegate* unmanaged<byte*, void*, void>, void*, void> SetErrorCallback;
    public readonly delegate* unmanaged<nint, byte*, byte*, nuint, int> EcPubKeyParse;
    public readonly delegate* unmanaged<nint, byte*, nuint*, byte*, uint, int> EcPubKeySerialize;
    public readonly delegate* unmanaged<nint, byte*, byte*, int> EcPubKeyCreate;
    public readonly delegate* unmanaged<nint, byte*, int> EcSecKeyVerify;
    public readonly delegate* unmanaged<nint, byte*, byte*, int> EcdsaSignatureParseCompact;
    public readonly delegate* unmanaged<nint, byte*, byte*, int> EcdsaSignatureNormalize;
    public readonly delegate* unmanaged<nint, byte*, byte*, byte*, int> EcdsaVerify;
    public readonly delegate* unmanaged<nint, byte*, byte*, byte*, void*, void*, int> EcdsaSign;
    public readonly delegate* unmanaged<nint, byte*, nuint*, byte*, int> EcdsaSignatureSerializeDer;
    public readonly delegate* unmanaged<nint, byte*, byte*, int> XOnlyPubKeyParse;
    public readonly delegate* unmanaged<nint, byte*, byte*, int> XOnlyPubKeySerialize;
    public readonly delegate* unmanaged<nint, byte*, int*, byte*, int> XOnlyPubKeyFromPubKey;
    public readonly delegate* unmanaged<nint, byte*, byte*, byte*, int> XOnlyPubKeyTweakAdd;
    public readonly delegate* unmanaged<nint, byte*, int, byte*, byte*, int> XOnlyPubKeyTweakAddCheck;
    public readonly delegate* unmanaged<nint, byte*, byte*, nuint, byte*, int> SchnorrsigVerify;
    public readonly delegate* unmanaged<nint, byte*, byte*, nuint, byte*, void*, int> SchnorrsigSignCustom;
    public readonly delegate* unmanaged<nint, byte*, byte*, int> KeyPairCreate;
    public readonly delegate* unmanaged<nint, byte*, int*, byte*, int> KeyPairXOnlyPub;
    public readonly delegate* unmanaged<nint, byte*, byte*, int> KeyPairXOnlyTweakAdd;
    public readonly delegate* unmanaged<nint, byte*, byte*, int> KeyPairSec;

    private LibSecp256k1(nint library, string name)
    {
        LibraryName = name;
        ContextCreate = (delegate* unmanaged<uint, nint>)Export(library, "secp256k1_context_create");
        SetIllegalCallback = (delegate* unmanaged<nint, delegate* unmanaged<byte*, void*, void>, void*, void>)Export(library, "secp256k1_context_set_illegal_callback");
        SetErrorCallback = (delegate* unmanaged<nint, delegate* unmanaged<byte*, void*, void>, void*, void>)Export(library, "secp256k1_context_set_error_callback");
        EcPubKeyParse = (delegate* unmanaged<nint, byte*, byte*, nuint, int>)Export(library, "secp256k1_ec_pubkey_parse");
        EcPubKeySerialize = (delegate* unmanaged<nint, byte*, nuint*, byte*, uint, int>)Export(library, "secp256k1_ec_pubkey_serialize");
        EcPubKeyCreate = (delegate* unmanaged<nint, byte*, byte*, int>)Export(library, "secp256k1_ec_pubkey_create");
        EcSecKeyVerify = (delegate* unmanaged<nint, byte*, int>)Export(library, "secp256k1_ec_seckey_verify");
        EcdsaSignatureParseCompact = (delegate* unmanaged<nint, byte*, byte*, int>)Export(library, "secp256k1_ecdsa_signature_parse_compact");
        EcdsaSignatureNormalize = (delegate* unmanaged<nint, byte*, byte*, int>)Export(library, "secp256k1_ecdsa_signature_normalize");
        EcdsaVerify = (delegate* unmanaged<nint, byte*, byte*, byte*, int>)Export(library, "secp256k1_ecdsa_verify");
        EcdsaSign = (delegate* unmanaged<nint, byte*, byte*, byte*, void*, void*, int>)Export(library, "secp256k1_ecdsa_sign");
        EcdsaSignatureSerializeDer = (delegate* unmanaged<nint, byte*, nuint*, byte*, int>)Export(library, "secp256k1_ecdsa_signature_serialize_der");
        XOnlyPubKeyParse = (delegate* unmanaged<nint, byte*, byte*, int>)Export(library, "secp256k1_xonly_pubkey_parse");
        XOnlyPubKeySerialize = (delegate* unmanaged<nint, byte*, byte*, int>)Export(library, "secp256k1_xonly_pubkey_serialize");
        XOnlyPubKeyFromPubKey = (delegate* unmanaged<nint, byte*, int*, byte*, int>)Export(library, "secp256k1_xonly_pubkey_from_pubkey");
        XOnlyPubKeyTweakAdd = (delegate* unmanaged<nint, byte*, byte*, byte*, int>)Export(library, "secp256k1_xonly_pubkey_tweak_add");
        XOnlyPubKeyTweakAddCheck = (delegate* unmanaged<nint, byte*, int, byte*, byte*, int>)Export(library, "secp256k1_xonly_pubkey_tweak_add_check");
        SchnorrsigVerify = (delegate* unmanaged<nint, byte*, byte*, nuint, byte*, int>)Export(library, "secp256k1_schnorrsig_verify");
        SchnorrsigSignCustom = (delegate* unmanaged<nint, byte*, byte*, nuint, byte*, void*, int>)Export(library, "secp256k1_schnorrsig_sign_custom");
        KeyPairCreate = (delegate* unmanaged<nint, byte*, byte*, int>)Export(library, "secp256k1_keypair_create");
        KeyPairXOnlyPub = (delegate* unmanaged<nint, byte*, int*, byte*, int>)Export(library, "secp256k1_keypair_xonly_pub");
        KeyPairXOnlyTweakAdd = (delegate* unmanaged<nint, byte*, byte*, int>)Export(library, "secp256k1_keypair_xonly_tweak_add");
        KeyPairSec = (delegate* unmanaged<nint, byte*, byte*, int>)Export(library, "secp256k1_keypair_sec");
    }

    /// <summary>
    /// Loads the first candidate library that has every entry point we need (so a build without the
    /// schnorrsig/extrakeys modules counts as absent). False when none does.
    /// </summary>
    public static bool TryLoad(out LibSecp256k1? library)
    {
        foreach (var name in Candidates)
        {
            if (!NativeLibrary.TryLoad(name, out var handle))
                continue;
            try
            {
                library = new LibSecp256k1(handle, name);
                return true;
            }
            catch (EntryPointNotFoundException)
            {
                NativeLibrary.Free(handle);
            }
        }
        library = null;
        return false;
    }

    private static nint Export(nint library, string name) => NativeLibrary.GetExport(library, name);
}
