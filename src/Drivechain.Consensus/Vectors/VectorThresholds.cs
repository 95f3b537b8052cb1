namespace Drivechain.Consensus.Vectors;

/// <summary>
/// The six BIP300 thresholds of a vector's <c>params.thresholds</c> (vectors-format.md).
/// Each is null when the vector leaves it at the network default.
/// </summary>
/// <param name="WithdrawalBundleMaxAge">Overrides <see cref="DrivechainParams.WithdrawalBundleMaxAge"/>.</param>
/// <param name="WithdrawalBundleInclusionThreshold">Overrides <see cref="DrivechainParams.WithdrawalBundleInclusionThreshold"/>.</param>
/// <param name="UsedSlotProposalMaxAge">Overrides <see cref="DrivechainParams.UsedSlotProposalMaxAge"/>.</param>
/// <param name="UsedSlotActivationThreshold">Overrides <see cref="DrivechainParams.UsedSlotActivationThreshold"/>.</param>
/// <param name="UnusedSlotProposalMaxAge">Overrides <see cref="DrivechainParams.UnusedSlotProposalMaxAge"/>.</param>
/// <param name="UnusedSlotActivationThreshold">Overrides <see cref="DrivechainParams.UnusedSlotActivationThreshold"/>.</param>
public sealed record VectorThresholds(
    int? WithdrawalBundleMaxAge,
    int? WithdrawalBundleInclusionThreshold,
    int? UsedSlotProposalMaxAge,
    int? UsedSlotActivationThreshold,
    int? UnusedSlotProposalMaxAge,
    int? UnusedSlotActivationThreshold);
