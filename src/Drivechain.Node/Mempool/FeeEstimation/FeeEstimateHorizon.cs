namespace Drivechain.Node.Mempool.FeeEstimation;

/// <summary>The three time horizons of Core's estimator (short: 12 blocks, medium: 48, long: 1008).</summary>
public enum FeeEstimateHorizon
{
    Short,
    Medium,
    Long,
}
