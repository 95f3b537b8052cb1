namespace Drivechain.Bitcoin.Addresses;

/// <summary>Which checksum constant a bech32 string uses.</summary>
public enum Bech32Encoding
{
    /// <summary>Not a valid bech32 or bech32m string.</summary>
    Invalid = 0,
    /// <summary>BIP173 bech32 (constant 1): witness version 0.</summary>
    Bech32,
    /// <summary>BIP350 bech32m (constant 0x2bc830a3): witness versions 1–16.</summary>
    Bech32m,
}
