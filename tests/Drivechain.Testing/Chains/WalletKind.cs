namespace Drivechain.Testing.Chains;

/// <summary>What the generator's wallet pays to and spends from.</summary>
public enum WalletKind
{
    /// <summary>P2WSH(OP_TRUE): witness spends, no keys (fastest to validate).</summary>
    P2wshOpTrue,

    /// <summary>Bare OP_TRUE: legacy spends with an empty scriptSig.</summary>
    BareOpTrue,

    /// <summary>P2WPKH with a generator key: BIP143 ECDSA signatures.</summary>
    P2wpkh,

    /// <summary>P2TR key path with a generator key: BIP341 Schnorr signatures.</summary>
    P2trKeyPath,
}
