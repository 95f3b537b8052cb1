using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;

namespace Drivechain.Node.Mempool;

/// <summary>Bitcoin Core's relay policy constants, with the drivechain exception for treasury spends (spec §7.6, §12.5).</summary>
public static class StandardPolicy
{
    /// <summary>Core's MANDATORY_SCRIPT_VERIFY_FLAGS.</summary>
    public const ScriptVerifyFlags Mandatory =
        ScriptVerifyFlags.P2SH | ScriptVerifyFlags.DerSig | ScriptVerifyFlags.NullDummy | ScriptVerifyFlags.CheckLockTimeVerify
        | ScriptVerifyFlags.CheckSequenceVerify | ScriptVerifyFlags.Witness | ScriptVerifyFlags.Taproot;

    /// <summary>Core's STANDARD_SCRIPT_VERIFY_FLAGS.</summary>
    public const ScriptVerifyFlags Standard = Mandatory
        | ScriptVerifyFlags.StrictEnc | ScriptVerifyFlags.MinimalData | ScriptVerifyFlags.DiscourageUpgradableNops
        | ScriptVerifyFlags.CleanStack | ScriptVerifyFlags.MinimalIf | ScriptVerifyFlags.NullFail | ScriptVerifyFlags.LowS
        | ScriptVerifyFlags.DiscourageUpgradableWitnessProgram | ScriptVerifyFlags.WitnessPubKeyType | ScriptVerifyFlags.ConstScriptCode
        | ScriptVerifyFlags.DiscourageUpgradableTaprootVersion | ScriptVerifyFlags.DiscourageOpSuccess
        | ScriptVerifyFlags.DiscourageUpgradablePubKeyType;

    /// <summary>Minimum relay fee rate: 1 sat/vB (1000 sat/kvB), Core's DEFAULT_MIN_RELAY_TX_FEE.</summary>
    public const long MinRelayFeePerKvB = 1000;

    /// <summary>Incremental relay fee for replacements (Core's DEFAULT_INCREMENTAL_RELAY_FEE).</summary>
    public const long IncrementalRelayFeePerKvB = 1000;

    /// <summary>Dust relay fee rate (Core's DUST_RELAY_TX_FEE, 3 sat/vB).</summary>
    public const long DustRelayFeePerKvB = 3000;

    /// <summary>MAX_STANDARD_TX_WEIGHT.</summary>
    public const int MaxStandardTxWeight = 400_000;

    /// <summary>MIN_STANDARD_TX_NONWITNESS_SIZE.</summary>
    public const int MinStandardTxNonWitnessSize = 65;

    /// <summary>MAX_STANDARD_SCRIPTSIG_SIZE.</summary>
    public const int MaxStandardScriptSigSize = 1650;

    /// <summary>MAX_OP_RETURN_RELAY (Core before v30): 83 bytes of scriptPubKey for all OP_RETURN outputs of a tx.</summary>
    public const int MaxOpReturnRelay = 83;

    /// <summary>MAX_STANDARD_TX_SIGOPS_COST.</summary>
    public const int MaxStandardTxSigOpsCost = 80_000 / 5;

    /// <summary>Ancestor/descendant limits (count, virtual kB).</summary>
    public const int MaxAncestorCount = 25;
    public const int MaxDescendantCount = 25;

    /// <summary>
    /// Script flags for one input: the standard flags, except for a treasury output (<c>OP_DRIVECHAIN 01 &lt;S&gt; OP_TRUE</c>),
    /// which is spent under the consensus flags only: its OP_NOP5, its non-minimal slot push and the two items it leaves
    /// on the stack would trip DISCOURAGE_UPGRADABLE_NOPS, MINIMALDATA and CLEANSTACK (drivechain networks relay these).
    /// </summary>
    public static ScriptVerifyFlags ScriptFlagsFor(Script spentScriptPubKey) =>
        TreasuryScript.TryParse(spentScriptPubKey.Span, out _) ? Mandatory : Standard;

    /// <summary>Core's GetDustThreshold at the dust relay fee.</summary>
    public static long DustThreshold(Bitcoin.Primitives.TxOut output)
    {
        if (output.ScriptPubKey.IsUnspendable) return 0;
        var size = 8 + Bitcoin.Serialization.BitcoinWriter.VarBytesLength(output.ScriptPubKey.Length);
        size += output.ScriptPubKey.IsWitnessProgram() ? 32 + 4 + 1 + (107 / 4) + 4 : 32 + 4 + 1 + 107 + 4;
        return size * DustRelayFeePerKvB / 1000;
    }
}
