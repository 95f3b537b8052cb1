using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Drivechain.Bitcoin.Networks;

namespace Drivechain.Bitcoin.Addresses;

/// <summary>
/// A private key in Wallet Import Format: Base58Check of the network's secret-key byte, the 32-byte secret and, for
/// keys whose public key is compressed, a trailing 0x01. <see cref="ToString"/> never shows the secret; use
/// <see cref="ToWif"/>.
/// </summary>
public sealed class WifKey
{
    private static readonly BigInteger CurveOrder = BigInteger.Parse(
        "0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber,
        System.Globalization.CultureInfo.InvariantCulture);

    private readonly byte[] _secret;

    private WifKey(byte[] secret, bool compressed, Network network)
    {
        _secret = secret;
        IsCompressed = compressed;
        Network = network;
    }

    /// <summary>The 32-byte secret (big-endian scalar).</summary>
    public ReadOnlySpan<byte> Secret => _secret;

    /// <summary>True when the key's public key is used in compressed form.</summary>
    public bool IsCompressed { get; }

    /// <summary>The network whose prefix the WIF uses.</summary>
    public Network Network { get; }

    /// <summary>True for a valid secp256k1 secret: 0 &lt; secret &lt; n.</summary>
    public static bool IsValidSecret(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != 32) return false;
        var value = new BigInteger(secret, isUnsigned: true, isBigEndian: true);
        return !value.IsZero && value < CurveOrder;
    }

    /// <summary>Wraps a copy of <paramref name="secret"/>.</summary>
    /// <exception cref="ArgumentException">Not a valid 32-byte secret.</exception>
    public static WifKey Create(ReadOnlySpan<byte> secret, bool compressed, Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!IsValidSecret(secret)) throw new ArgumentException("not a valid secp256k1 secret", nameof(secret));
        return new WifKey(secret.ToArray(), compressed, network);
    }

    /// <summary>
    /// Decodes a WIF string as Core's DecodeSecret does: the network's prefix, then 32 bytes, or 33 bytes ending in
    /// 0x01 (compressed), and a valid secret. False otherwise.
    /// </summary>
    public static bool TryParse(string? text, Network network, [NotNullWhen(true)] out WifKey? key)
    {
        ArgumentNullException.ThrowIfNull(network);
        key = null;
        if (!Base58Check.TryDecode(text, out var payload, 34)) return false;
        bool compressed;
        if (payload.Length == 33) compressed = false;
        else if (payload.Length == 34 && payload[33] == 1) compressed = true;
        else return false;
        if (payload[0] != network.SecretKeyPrefix) return false;
        var secret = payload.AsSpan(1, 32);
        if (!IsValidSecret(secret)) return false;
        key = new WifKey(secret.ToArray(), compressed, network);
        return true;
    }

    /// <summary>The WIF text.</summary>
    public string ToWif()
    {
        var payload = new byte[IsCompressed ? 34 : 33];
        payload[0] = Network.SecretKeyPrefix;
        _secret.CopyTo(payload, 1);
        if (IsCompressed) payload[33] = 1;
        return Base58Check.Encode(payload);
    }

    /// <summary>A redacted description; the secret is never shown.</summary>
    public override string ToString() => $"WifKey({Network.Name}, {(IsCompressed ? "compressed" : "uncompressed")}, secret redacted)";
}
