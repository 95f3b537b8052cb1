namespace Drivechain.Node.Mempool.FeeEstimation;

public sealed partial class BlockPolicyEstimator
{
    /// <summary>
    /// Core's estimateSmartFee: the fee rate (sat/kvB) that confirmed within <paramref name="confTarget"/> blocks (1 is
    /// treated as 2; targets beyond half the blocks of data are lowered) in at least 85% of the cases, also checking half
    /// the target at 60% and double the target at 95%; <paramref name="conservative"/> also asks the longer horizons at
    /// double the target. 0 when there is not enough data.
    /// </summary>
    public FeeCalculation EstimateSmartFee(int confTarget, bool conservative)
    {
        lock (_lock)
        {
            if (confTarget <= 0 || confTarget > MaxTarget) return new FeeCalculation(0, 0);
            if (confTarget == 1) confTarget = 2;
            confTarget = Math.Min(confTarget, MaxUsableEstimate());
            if (confTarget <= 1) return new FeeCalculation(0, confTarget);

            var halfEst = EstimateCombinedFee(confTarget / 2, HalfSuccessPct, checkShorterHorizon: true);
            var actualEst = EstimateCombinedFee(confTarget, SuccessPct, checkShorterHorizon: true);
            var doubleEst = EstimateCombinedFee(2 * confTarget, DoubleSuccessPct, checkShorterHorizon: !conservative);
            var median = Math.Max(halfEst, Math.Max(actualEst, doubleEst));
            if (conservative || median == -1) median = Math.Max(median, EstimateConservativeFee(2 * confTarget));
            return median < 0 ? new FeeCalculation(0, confTarget) : new FeeCalculation((long)Math.Round(median, MidpointRounding.AwayFromZero), confTarget);
        }
    }

    /// <summary>
    /// Core's estimateRawFee: one horizon's answer for <paramref name="confTarget"/> at success <paramref name="threshold"/>
    /// (sat/kvB, 0 when none) with the detail of the buckets; false when the horizon does not reach the target.
    /// </summary>
    public bool TryEstimateRawFee(int confTarget, double threshold, FeeEstimateHorizon horizon, out long feeRatePerKvB, out EstimationResult result)
    {
        lock (_lock)
        {
            var stats = Stats(horizon);
            feeRatePerKvB = 0;
            result = new EstimationResult(EstimatorBucket.None, EstimatorBucket.None, stats.Decay, stats.Scale);
            if (confTarget <= 0 || confTarget > stats.MaxConfirms || threshold > 1) return false;
            var sufficient = horizon == FeeEstimateHorizon.Short ? SufficientTxsShort : SufficientFeeTxs;
            var median = stats.EstimateMedianVal(confTarget, sufficient, threshold, _bestSeenHeight, out result);
            feeRatePerKvB = median < 0 ? 0 : (long)Math.Round(median, MidpointRounding.AwayFromZero);
            return true;
        }
    }

    /// <summary>The largest confirmation target of a horizon.</summary>
    public int MaxConfirms(FeeEstimateHorizon horizon) => Stats(horizon).MaxConfirms;

    private int BlockSpan() => _firstRecordedHeight == 0 || _bestSeenHeight < _firstRecordedHeight ? 0 : _bestSeenHeight - _firstRecordedHeight;

    private int HistoricalBlockSpan()
    {
        if (_historicalFirst == 0 || _historicalBest < _historicalFirst) return 0;
        if (_bestSeenHeight - _historicalBest > OldestEstimateHistory) return 0;
        return _historicalBest - _historicalFirst;
    }

    /// <summary>Only targets up to half the blocks the estimator has data for are answered.</summary>
    private int MaxUsableEstimate() => Math.Min(_long.MaxConfirms, Math.Max(BlockSpan(), HistoricalBlockSpan()) / 2);

    private double EstimateCombinedFee(int confTarget, double successThreshold, bool checkShorterHorizon)
    {
        var estimate = -1.0;
        if (confTarget < 1 || confTarget > _long.MaxConfirms) return estimate;
        // The shortest horizon that reaches the target.
        if (confTarget <= _short.MaxConfirms)
            estimate = _short.EstimateMedianVal(confTarget, SufficientTxsShort, successThreshold, _bestSeenHeight, out _);
        else if (confTarget <= _medium.MaxConfirms)
            estimate = _medium.EstimateMedianVal(confTarget, SufficientFeeTxs, successThreshold, _bestSeenHeight, out _);
        else
            estimate = _long.EstimateMedianVal(confTarget, SufficientFeeTxs, successThreshold, _bestSeenHeight, out _);
        if (!checkShorterHorizon) return estimate;
        // A lower answer from a more recent horizon at its own largest target wins.
        if (confTarget > _medium.MaxConfirms)
            estimate = Lower(estimate, _medium.EstimateMedianVal(_medium.MaxConfirms, SufficientFeeTxs, successThreshold, _bestSeenHeight, out _));
        if (confTarget > _short.MaxConfirms)
            estimate = Lower(estimate, _short.EstimateMedianVal(_short.MaxConfirms, SufficientTxsShort, successThreshold, _bestSeenHeight, out _));
        return estimate;
    }

    private static double Lower(double estimate, double candidate) => candidate > 0 && (estimate == -1 || candidate < estimate) ? candidate : estimate;

    private double EstimateConservativeFee(int doubleTarget)
    {
        var estimate = -1.0;
        if (doubleTarget <= _short.MaxConfirms)
            estimate = _medium.EstimateMedianVal(doubleTarget, SufficientFeeTxs, DoubleSuccessPct, _bestSeenHeight, out _);
        if (doubleTarget <= _medium.MaxConfirms)
            estimate = Math.Max(estimate, _long.EstimateMedianVal(doubleTarget, SufficientFeeTxs, DoubleSuccessPct, _bestSeenHeight, out _));
        return estimate;
    }
}
