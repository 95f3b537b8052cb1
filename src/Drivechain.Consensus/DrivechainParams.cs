namespace Drivechain.Consensus;

/// <summary>
/// The six BIP300 thresholds and the activation height (spec §1.2, §1.3). "Threshold" values are compared
/// with strictly-greater-than, "max age" values are inclusive. Override with <c>with</c>.
/// </summary>
public sealed record DrivechainParams(
    int WithdrawalBundleMaxAge,
    int WithdrawalBundleInclusionThreshold,
    int UsedSlotProposalMaxAge,
    int UsedSlotActivationThreshold,
    int UnusedSlotProposalMaxAge,
    int UnusedSlotActivationThreshold,
    int ActivationHeight = 0)
{
    /// <summary>Mainnet thresholds (26300 / 13150 / 26300 / 13150 / 2016 / 1815), activation 0.</summary>
    public static DrivechainParams Mainnet { get; } = new(26300, 13150, 26300, 13150, 2016, 1815);

    /// <summary>SHORT thresholds (10 / 5 / 10 / 5 / 10 / 5): testnet3, testnet4, signet, regtest.</summary>
    public static DrivechainParams Short { get; } = new(10, 5, 10, 5, 10, 5);

    /// <summary>FORKNET thresholds (144 / 72 / 144 / 72 / 36 / 30), activation 0 (presets set their height).</summary>
    public static DrivechainParams Forknet { get; } = new(144, 72, 144, 72, 36, 30);

    /// <summary>Preset drynet4: FORKNET thresholds, activation 961632.</summary>
    public static DrivechainParams Drynet4 { get; } = Forknet with { ActivationHeight = 961632 };

    /// <summary>Preset alphanet: FORKNET thresholds, activation 963648.</summary>
    public static DrivechainParams Alphanet { get; } = Forknet with { ActivationHeight = 963648 };

    /// <summary>Hidden preset test-activation (regtest tests): SHORT thresholds, activation 10.</summary>
    public static DrivechainParams TestActivation { get; } = Short with { ActivationHeight = 10 };

    /// <summary>By Bitcoin Core chain name: <c>"main"</c> → <see cref="Mainnet"/>, anything else → <see cref="Short"/>.</summary>
    public static DrivechainParams ForNetwork(string coreChainName) => coreChainName == "main" ? Mainnet : Short;

    /// <summary>MAX_FAILS for a used slot: max age − threshold, saturating at 0.</summary>
    public int UsedSlotMaxFails => Math.Max(0, UsedSlotProposalMaxAge - UsedSlotActivationThreshold);

    /// <summary>MAX_FAILS for an unused slot: max age − threshold, saturating at 0.</summary>
    public int UnusedSlotMaxFails => Math.Max(0, UnusedSlotProposalMaxAge - UnusedSlotActivationThreshold);
}
