namespace Drivechain.Bitcoin.Addresses;

/// <summary>What an address pays to.</summary>
public enum AddressKind
{
    /// <summary>Base58Check P2PKH (version byte <c>PubKeyAddressPrefix</c>).</summary>
    PayToPubKeyHash,
    /// <summary>Base58Check P2SH (version byte <c>ScriptAddressPrefix</c>).</summary>
    PayToScriptHash,
    /// <summary>Bech32 witness v0, 20-byte program (P2WPKH).</summary>
    WitnessV0KeyHash,
    /// <summary>Bech32 witness v0, 32-byte program (P2WSH).</summary>
    WitnessV0ScriptHash,
    /// <summary>Bech32m witness v1, 32-byte program (P2TR).</summary>
    Taproot,
    /// <summary>Bech32m pay-to-anchor (witness v1, program <c>4e73</c>).</summary>
    PayToAnchor,
    /// <summary>Bech32m witness program of another version/length (v1–16, 2–40 bytes).</summary>
    WitnessUnknown,
}
