namespace Drivechain.Testing.Chains;

/// <summary>The six BIP300 thresholds (spec §1.2) the generator plays by; <see cref="Short"/> is every non-mainnet default.</summary>
public sealed record ChainThresholds(
    int WithdrawalBundleMaxAge,
    int WithdrawalBundleInclusionThreshold,
    int UsedSlotProposalMaxAge,
    int UsedSlotActivationThreshold,
    int UnusedSlotProposalMaxAge,
    int UnusedSlotActivationThreshold)
{
    /// <summary>SHORT: 10 / 5 / 10 / 5 / 10 / 5 (regtest, testnets, signet).</summary>
    public static ChainThresholds Short { get; } = new(10, 5, 10, 5, 10, 5);

    /// <summary>MAINNET: 26300 / 13150 / 26300 / 13150 / 2016 / 1815.</summary>
    public static ChainThresholds Mainnet { get; } = new(26300, 13150, 26300, 13150, 2016, 1815);
}
