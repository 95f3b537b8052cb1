using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Node.Rpc.Signing;

/// <summary>A private key given to signrawtransactionwithkey with the public forms the signer matches scripts against.</summary>
internal sealed class SigningKey
{
    public SigningKey(byte[] secret, bool compressed, ISecp256k1 secp)
    {
        Secret = secret;
        PublicKey = secp.GetPublicKey(secret, compressed);
        KeyHash = Hashes.Hash160(PublicKey);
        XOnly = secp.GetXOnlyPublicKey(secret);
        var tweak = TaprootCommitment.TweakHash(XOnly, null).ToBytes();
        if (secp.TryTweakXOnlyPublicKey(XOnly, tweak, out var output, out _) && secp.TryTweakSecretKey(secret, tweak, out var tweakedSecret))
        {
            TaprootOutputKey = output;
            TaprootSecret = tweakedSecret;
        }
    }

    public byte[] Secret { get; }
    public byte[] PublicKey { get; }
    public UInt160 KeyHash { get; }
    public byte[] XOnly { get; }

    /// <summary>The BIP86 key-path output key (no script tree) and the secret that signs for it.</summary>
    public byte[]? TaprootOutputKey { get; }
    public byte[]? TaprootSecret { get; }
}
