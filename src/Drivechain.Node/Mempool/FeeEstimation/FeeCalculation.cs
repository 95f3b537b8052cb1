namespace Drivechain.Node.Mempool.FeeEstimation;

/// <summary>
/// An answer of <see cref="BlockPolicyEstimator.EstimateSmartFee"/>: the fee rate in satoshis per 1000 virtual bytes (0 when
/// the estimator does not know) and the target it was found at (Core's FeeCalculation.returnedTarget).
/// </summary>
public readonly record struct FeeCalculation(long FeeRatePerKvB, int ReturnedTarget)
{
    public bool Found => FeeRatePerKvB > 0;
}
