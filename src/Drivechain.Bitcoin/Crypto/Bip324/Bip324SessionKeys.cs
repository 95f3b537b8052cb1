using System.Security.Cryptography;
using System.Text;

namespace Drivechain.Bitcoin.Crypto.Bip324;

/// <summary>
/// The keys BIP324 derives from one shared secret with HKDF-SHA256 (salt "bitcoin_v2_shared_secret" ‖ network
/// magic): packet-length (L) and packet-content (P) keys for each side, the two garbage terminators and the
/// session id.
/// </summary>
public sealed class Bip324SessionKeys
{
    /// <summary>Initiator → responder length key.</summary>
    public byte[] InitiatorL { get; }

    /// <summary>Initiator → responder packet key.</summary>
    public byte[] InitiatorP { get; }

    /// <summary>Responder → initiator length key.</summary>
    public byte[] ResponderL { get; }

    /// <summary>Responder → initiator packet key.</summary>
    public byte[] ResponderP { get; }

    /// <summary>Garbage terminator sent by the initiator (16 bytes).</summary>
    public byte[] InitiatorGarbageTerminator { get; }

    /// <summary>Garbage terminator sent by the responder (16 bytes).</summary>
    public byte[] ResponderGarbageTerminator { get; }

    /// <summary>The session id both sides can compare out of band (32 bytes).</summary>
    public byte[] SessionId { get; }

    private Bip324SessionKeys(byte[] prk)
    {
        InitiatorL = Expand(prk, "initiator_L", 32);
        InitiatorP = Expand(prk, "initiator_P", 32);
        ResponderL = Expand(prk, "responder_L", 32);
        ResponderP = Expand(prk, "responder_P", 32);
        var terminators = Expand(prk, "garbage_terminators", 32);
        InitiatorGarbageTerminator = terminators[..16];
        ResponderGarbageTerminator = terminators[16..];
        SessionId = Expand(prk, "session_id", 32);
    }

    /// <summary>Tagged hash "bip324_ellswift_xonly_ecdh" of initiator encoding ‖ responder encoding ‖ ECDH x.</summary>
    /// <exception cref="ArgumentException">Wrong lengths.</exception>
    public static void ComputeSharedSecret(ReadOnlySpan<byte> initiatorEncoding, ReadOnlySpan<byte> responderEncoding,
        ReadOnlySpan<byte> ecdhX32, Span<byte> secret32)
    {
        if (initiatorEncoding.Length != ElligatorSwift.EncodingSize || responderEncoding.Length != ElligatorSwift.EncodingSize
            || ecdhX32.Length != 32 || secret32.Length != 32)
            throw new ArgumentException("The BIP324 shared secret needs two 64-byte encodings, a 32-byte x and a 32-byte output.");
        var hasher = Hashes.TaggedHasher("bip324_ellswift_xonly_ecdh");
        hasher.Append(initiatorEncoding);
        hasher.Append(responderEncoding);
        hasher.Append(ecdhX32);
        hasher.Finish(secret32);
    }

    /// <summary>Derives all keys from the 32-byte shared secret for the network with the given 4-byte magic.</summary>
    /// <exception cref="ArgumentException">Wrong lengths.</exception>
    public static Bip324SessionKeys Derive(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> networkMagic)
    {
        if (sharedSecret.Length != 32 || networkMagic.Length != 4)
            throw new ArgumentException("BIP324 key derivation needs a 32-byte secret and a 4-byte network magic.");
        byte[] salt = [.. Encoding.ASCII.GetBytes("bitcoin_v2_shared_secret"), .. networkMagic];
        var prk = new byte[32];
        HKDF.Extract(HashAlgorithmName.SHA256, sharedSecret, salt, prk);
        return new Bip324SessionKeys(prk);
    }

    private static byte[] Expand(byte[] prk, string info, int length)
    {
        var output = new byte[length];
        HKDF.Expand(HashAlgorithmName.SHA256, prk, output, Encoding.ASCII.GetBytes(info));
        return output;
    }
}
