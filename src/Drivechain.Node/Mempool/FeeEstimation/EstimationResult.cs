namespace Drivechain.Node.Mempool.FeeEstimation;

/// <summary>The detail of one median estimate (Core's EstimationResult): the passing and failing ranges, decay and scale.</summary>
public readonly record struct EstimationResult(EstimatorBucket Pass, EstimatorBucket Fail, double Decay, int Scale);
