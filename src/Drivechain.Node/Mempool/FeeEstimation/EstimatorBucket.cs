namespace Drivechain.Node.Mempool.FeeEstimation;

/// <summary>
/// A range of fee-rate buckets and what happened to the transactions in it (Core's EstimatorBucket): confirmed within the
/// target, confirmed at all, still in the mempool past the target, left the mempool unconfirmed. Start/end -1: no range.
/// </summary>
public readonly record struct EstimatorBucket(double Start, double End, double WithinTarget, double TotalConfirmed, double InMempool, double LeftMempool)
{
    public static EstimatorBucket None => new(-1, -1, 0, 0, 0, 0);
}
