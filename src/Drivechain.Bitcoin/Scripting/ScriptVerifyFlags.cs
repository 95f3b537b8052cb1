namespace Drivechain.Bitcoin.Scripting;

/// <summary>Bitcoin Core's SCRIPT_VERIFY_* flags (same bit values). Parse names with <see cref="ScriptVerifyFlagNames"/>.</summary>
[Flags]
#pragma warning disable CA1711 // "Flags" suffix: the Core name of the set
public enum ScriptVerifyFlags : uint
#pragma warning restore CA1711
{
    /// <summary>No flags.</summary>
    None = 0,
    /// <summary>BIP16: evaluate P2SH redeem scripts.</summary>
    P2SH = 1u << 0,
    /// <summary>Strict signature and public key encodings.</summary>
    StrictEnc = 1u << 1,
    /// <summary>BIP66 strict DER.</summary>
    DerSig = 1u << 2,
    /// <summary>Low S only.</summary>
    LowS = 1u << 3,
    /// <summary>BIP147: empty CHECKMULTISIG dummy.</summary>
    NullDummy = 1u << 4,
    /// <summary>scriptSig push-only.</summary>
    SigPushOnly = 1u << 5,
    /// <summary>Minimal pushes and numbers.</summary>
    MinimalData = 1u << 6,
    /// <summary>Executed upgradable NOPs fail.</summary>
    DiscourageUpgradableNops = 1u << 7,
    /// <summary>Exactly one stack item must remain.</summary>
    CleanStack = 1u << 8,
    /// <summary>BIP65.</summary>
    CheckLockTimeVerify = 1u << 9,
    /// <summary>BIP112.</summary>
    CheckSequenceVerify = 1u << 10,
    /// <summary>BIP141/143.</summary>
    Witness = 1u << 11,
    /// <summary>Unknown witness programs fail.</summary>
    DiscourageUpgradableWitnessProgram = 1u << 12,
    /// <summary>Segwit v0 minimal IF arguments.</summary>
    MinimalIf = 1u << 13,
    /// <summary>Failed signature checks need empty signatures.</summary>
    NullFail = 1u << 14,
    /// <summary>Segwit v0 compressed public keys only.</summary>
    WitnessPubKeyType = 1u << 15,
    /// <summary>No OP_CODESEPARATOR / FindAndDelete hits in legacy scripts.</summary>
    ConstScriptCode = 1u << 16,
    /// <summary>BIP341/342.</summary>
    Taproot = 1u << 17,
    /// <summary>Unknown leaf versions fail.</summary>
    DiscourageUpgradableTaprootVersion = 1u << 18,
    /// <summary>OP_SUCCESSx fails.</summary>
    DiscourageOpSuccess = 1u << 19,
    /// <summary>Unknown tapscript public key types fail.</summary>
    DiscourageUpgradablePubKeyType = 1u << 20,

    /// <summary>All 21 flags.</summary>
    All = (1u << 21) - 1,
}
