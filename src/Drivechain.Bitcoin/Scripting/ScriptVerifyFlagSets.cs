namespace Drivechain.Bitcoin.Scripting;

/// <summary>Core's named flag sets.</summary>
public static class ScriptVerifyFlagSets
{
    /// <summary>
    /// The consensus rules in force on mainnet after taproot (Core's block validation flags once every deployment is
    /// active): P2SH, DERSIG, NULLDUMMY, CHECKLOCKTIMEVERIFY, CHECKSEQUENCEVERIFY, WITNESS, TAPROOT.
    /// </summary>
    public const ScriptVerifyFlags Consensus = ScriptVerifyFlags.P2SH | ScriptVerifyFlags.DerSig | ScriptVerifyFlags.NullDummy |
        ScriptVerifyFlags.CheckLockTimeVerify | ScriptVerifyFlags.CheckSequenceVerify | ScriptVerifyFlags.Witness | ScriptVerifyFlags.Taproot;

    /// <summary>Core's STANDARD_SCRIPT_VERIFY_FLAGS (mempool policy): consensus plus the policy flags, without SIGPUSHONLY.</summary>
    public const ScriptVerifyFlags Standard = Consensus | ScriptVerifyFlags.StrictEnc | ScriptVerifyFlags.MinimalData |
        ScriptVerifyFlags.DiscourageUpgradableNops | ScriptVerifyFlags.CleanStack | ScriptVerifyFlags.MinimalIf | ScriptVerifyFlags.NullFail |
        ScriptVerifyFlags.LowS | ScriptVerifyFlags.DiscourageUpgradableWitnessProgram | ScriptVerifyFlags.WitnessPubKeyType |
        ScriptVerifyFlags.ConstScriptCode | ScriptVerifyFlags.DiscourageUpgradableTaprootVersion | ScriptVerifyFlags.DiscourageOpSuccess |
        ScriptVerifyFlags.DiscourageUpgradablePubKeyType;
}
