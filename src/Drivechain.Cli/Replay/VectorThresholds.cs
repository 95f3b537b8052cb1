namespace Drivechain.Cli.Replay;

/// <summary>
/// The six BIP300 thresholds of a vector's <c>params.thresholds</c> (vectors-format.md).
/// Each is null when the vector leaves it at the network default.
/// </summary>
internal sealed record VectorThresholds(
    int? WithdrawalBundleMaxAge,
    int? WithdrawalBundleInclusionThreshold,
    int? UsedSlotProposalMaxAge,
    int? UsedSlotActivationThreshold,
    int? UnusedSlotProposalMaxAge,
    int? UnusedSlotActivationThreshold);
