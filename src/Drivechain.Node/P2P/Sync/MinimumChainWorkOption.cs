using System.Globalization;
using System.Numerics;
using Drivechain.Bitcoin.Networks;

namespace Drivechain.Node.P2P.Sync;

/// <summary>Core's -minimumchainwork: parsing the hex option and the per-network defaults of Bitcoin Core v31.</summary>
public static class MinimumChainWorkOption
{
    /// <summary>The default for <paramref name="network"/> (Core's chainparams; 0 on regtest).</summary>
    public static BigInteger Default(Network network) => network.Name switch
    {
        "main" => Parse("0000000000000000000000000000000000000001128750f82f4c366153a3a030"),
        "test" => Parse("0000000000000000000000000000000000000000000017dde1c649f3708d14b6"),
        "testnet4" => Parse("0000000000000000000000000000000000000000000009a0fe15d0177d086304"),
        "signet" => Parse("00000000000000000000000000000000000000000000000000000b463ea0a4b8"),
        _ => BigInteger.Zero,
    };

    /// <summary>The option's value, or the network default when it is not given.</summary>
    public static BigInteger Resolve(string? option, Network network) =>
        string.IsNullOrWhiteSpace(option) ? Default(network) : Parse(option);

    /// <summary>Whether <paramref name="hex"/> is a valid value (hex digits, optional 0x, at most 64 digits), as Core's IsHexNumber.</summary>
    public static bool IsValid(string? hex)
    {
        if (string.IsNullOrWhiteSpace(hex)) return true;
        var digits = Strip(hex);
        return digits.Length is > 0 and <= 64 && digits.All(Uri.IsHexDigit);
    }

    private static BigInteger Parse(string hex) =>
        BigInteger.Parse("0" + Strip(hex), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static string Strip(string hex) =>
        hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
}
