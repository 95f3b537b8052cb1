namespace Drivechain.Node.Mempool.FeeEstimation;

/// <summary>
/// One time horizon of the fee estimator (Core's TxConfirmStats): for every fee-rate bucket, exponentially decaying counts
/// of transactions confirmed within 1..N periods, of transactions that left the mempool unconfirmed, and of all confirmed
/// transactions with their summed fee rate; plus the transactions still waiting, by the height they entered at. Pure
/// arithmetic over heights: no clock. Not thread-safe (<see cref="BlockPolicyEstimator"/> locks).
/// </summary>
public sealed class TxConfirmStats
{
    private readonly IReadOnlyList<double> _buckets;     // upper bounds, ascending; the last is "infinite"
    private readonly double[][] _confAvg;                // [period][bucket]: confirmed within period+1 periods
    private readonly double[][] _failAvg;                // [period][bucket]: left the mempool after period+1 periods
    private readonly double[] _txCtAvg;                  // [bucket]: all confirmed
    private readonly double[] _feeRateAvg;               // [bucket]: sum of their fee rates
    private readonly int[][] _unconfTxs;                 // [height % MaxConfirms][bucket]: waiting, entered at that height
    private bool _hasData;                               // some average is non-zero (Record, a failure or Read)
    private readonly int[] _oldUnconfTxs;                // [bucket]: waiting longer than MaxConfirms blocks

    public TxConfirmStats(IReadOnlyList<double> buckets, int periods, double decay, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        _buckets = buckets;
        Decay = decay;
        Scale = scale;
        _confAvg = NewTable(periods, buckets.Count);
        _failAvg = NewTable(periods, buckets.Count);
        _txCtAvg = new double[buckets.Count];
        _feeRateAvg = new double[buckets.Count];
        _unconfTxs = new int[periods * scale][];
        for (var i = 0; i < _unconfTxs.Length; i++) _unconfTxs[i] = new int[buckets.Count];
        _oldUnconfTxs = new int[buckets.Count];
    }

    public double Decay { get; }
    public int Scale { get; }
    public int Periods => _confAvg.Length;

    /// <summary>The largest confirmation target this horizon answers (periods × scale).</summary>
    public int MaxConfirms => Periods * Scale;

    /// <summary>A new block at <paramref name="height"/>: the transactions that entered MaxConfirms blocks ago become "old".</summary>
    public void ClearCurrent(int height)
    {
        var row = _unconfTxs[Ring(height)];
        for (var j = 0; j < row.Length; j++)
        {
            _oldUnconfTxs[j] += row[j];
            row[j] = 0;
        }
    }

    /// <summary>A transaction confirmed <paramref name="blocksToConfirm"/> blocks after it entered, at <paramref name="feeRate"/> sat/kvB.</summary>
    public void Record(int blocksToConfirm, double feeRate)
    {
        if (blocksToConfirm < 1) return;
        var periodsToConfirm = (blocksToConfirm + Scale - 1) / Scale;
        var bucket = BucketIndex(feeRate);
        _hasData = true;
        for (var i = periodsToConfirm; i <= Periods; i++) _confAvg[i - 1][bucket]++;
        _txCtAvg[bucket]++;
        _feeRateAvg[bucket] += feeRate;
    }

    /// <summary>Every average decays once per block, so old data weighs less.</summary>
    public void UpdateMovingAverages()
    {
        if (!_hasData) return;   // every average is still zero (nothing recorded yet, e.g. initial block download): decaying changes nothing
        for (var j = 0; j < _buckets.Count; j++)
        {
            for (var i = 0; i < Periods; i++)
            {
                _confAvg[i][j] *= Decay;
                _failAvg[i][j] *= Decay;
            }
            _feeRateAvg[j] *= Decay;
            _txCtAvg[j] *= Decay;
        }
    }

    /// <summary>A transaction entered the mempool at <paramref name="height"/>: returns its bucket.</summary>
    public int NewTx(int height, double feeRate)
    {
        var bucket = BucketIndex(feeRate);
        _unconfTxs[Ring(height)][bucket]++;
        return bucket;
    }

    /// <summary>
    /// A tracked transaction left the mempool (<paramref name="inBlock"/>: confirmed). One that left unconfirmed after at
    /// least one period counts as a failure for every period it waited.
    /// </summary>
    public void RemoveTx(int entryHeight, int bestSeenHeight, int bucket, bool inBlock)
    {
        var blocksAgo = bestSeenHeight - entryHeight;
        if (bestSeenHeight == 0) blocksAgo = 0;    // the estimator has not seen a block yet
        if (blocksAgo < 0) return;                  // cannot happen: entries are never newer than the best seen block
        if (blocksAgo >= _unconfTxs.Length)
        {
            if (_oldUnconfTxs[bucket] > 0) _oldUnconfTxs[bucket]--;
        }
        else
        {
            var row = _unconfTxs[Ring(entryHeight)];
            if (row[bucket] > 0) row[bucket]--;
        }
        if (!inBlock && blocksAgo >= Scale)
        {
            var periodsAgo = blocksAgo / Scale;
            for (var i = 0; i < periodsAgo && i < Periods; i++) _failAvg[i][bucket]++;
            _hasData = true;
        }
    }

    /// <summary>
    /// Core's EstimateMedianVal: walks the buckets from the highest fee rate down, grouping them until each group holds
    /// enough data (<paramref name="sufficientTxVal"/> / (1 − decay) confirmed transactions); the lowest group whose share
    /// confirmed within <paramref name="confTarget"/> is at least <paramref name="successBreakPoint"/> is the answer, and the
    /// estimate is the average fee rate of the bucket holding its median transaction. −1 when no group passes.
    /// </summary>
    public double EstimateMedianVal(int confTarget, double sufficientTxVal, double successBreakPoint, int height, out EstimationResult result)
    {
        double nConf = 0, totalNum = 0, failNum = 0, partialNum = 0;
        var extraNum = 0;
        var periodTarget = (confTarget + Scale - 1) / Scale;
        var maxBucket = _buckets.Count - 1;
        int curNear = maxBucket, bestNear = maxBucket, curFar = maxBucket, bestFar = maxBucket;
        bool foundAnswer = false, newBucketRange = true, passing = true;
        var pass = EstimatorBucket.None;
        var fail = EstimatorBucket.None;

        for (var bucket = maxBucket; bucket >= 0; bucket--)
        {
            if (newBucketRange)
            {
                curNear = bucket;
                newBucketRange = false;
            }
            curFar = bucket;
            nConf += _confAvg[periodTarget - 1][bucket];
            partialNum += _txCtAvg[bucket];
            totalNum += _txCtAvg[bucket];
            failNum += _failAvg[periodTarget - 1][bucket];
            for (var confirmations = confTarget; confirmations < MaxConfirms; confirmations++)
                extraNum += _unconfTxs[Ring(height - confirmations)][bucket];
            extraNum += _oldUnconfTxs[bucket];
            if (partialNum < sufficientTxVal / (1 - Decay)) continue;

            partialNum = 0;
            var curPct = nConf / (totalNum + failNum + extraNum);
            if (curPct < successBreakPoint)
            {
                if (passing) fail = Range(curNear, curFar, nConf, totalNum, extraNum, failNum);
                passing = false;
                continue;
            }
            fail = EstimatorBucket.None;
            foundAnswer = true;
            passing = true;
            pass = new EstimatorBucket(-1, -1, nConf, totalNum, extraNum, failNum);
            nConf = totalNum = failNum = 0;
            extraNum = 0;
            bestNear = curNear;
            bestFar = curFar;
            newBucketRange = true;
        }

        var median = -1.0;
        var minBucket = Math.Min(bestNear, bestFar);
        var maxRange = Math.Max(bestNear, bestFar);
        double txSum = 0;
        for (var j = minBucket; j <= maxRange; j++) txSum += _txCtAvg[j];
        if (foundAnswer && txSum != 0)
        {
            txSum /= 2;
            for (var j = minBucket; j <= maxRange; j++)
            {
                if (_txCtAvg[j] < txSum)
                {
                    txSum -= _txCtAvg[j];
                    continue;
                }
                median = _feeRateAvg[j] / _txCtAvg[j];
                break;
            }
            pass = pass with { Start = minBucket > 0 ? _buckets[minBucket - 1] : 0, End = _buckets[maxRange] };
        }
        // Passing until the last few buckets, which had too little data: report those as the failing range.
        if (passing && !newBucketRange) fail = Range(curNear, curFar, nConf, totalNum, extraNum, failNum);

        result = new EstimationResult(pass, fail, Decay, Scale);
        return median;
    }

    /// <summary>Writes the averages (not the waiting transactions, as Core).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Decay);
        writer.Write(Scale);
        writer.Write(Periods);
        WriteArray(writer, _feeRateAvg);
        WriteArray(writer, _txCtAvg);
        foreach (var row in _confAvg) WriteArray(writer, row);
        foreach (var row in _failAvg) WriteArray(writer, row);
    }

    /// <summary>Reads what <see cref="Write"/> wrote into this (same shape); a mismatch or a bad number is a <see cref="FormatException"/>.</summary>
    public void Read(BinaryReader reader)
    {
        if (reader.ReadDouble() != Decay || reader.ReadInt32() != Scale || reader.ReadInt32() != Periods)
            throw new FormatException("horizon parameters differ");
        ReadArray(reader, _feeRateAvg);
        ReadArray(reader, _txCtAvg);
        foreach (var row in _confAvg) ReadArray(reader, row);
        foreach (var row in _failAvg) ReadArray(reader, row);
        _hasData = true;
    }

    private EstimatorBucket Range(int near, int far, double nConf, double totalNum, int extraNum, double failNum)
    {
        var min = Math.Min(near, far);
        var max = Math.Max(near, far);
        return new EstimatorBucket(min > 0 ? _buckets[min - 1] : 0, _buckets[max], nConf, totalNum, extraNum, failNum);
    }

    private int BucketIndex(double feeRate)
    {
        // The first bucket whose upper bound is at least the fee rate (Core's bucketMap.lower_bound).
        var lo = 0;
        var hi = _buckets.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_buckets[mid] >= feeRate) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private int Ring(int height) => ((height % _unconfTxs.Length) + _unconfTxs.Length) % _unconfTxs.Length;

    private static double[][] NewTable(int rows, int columns)
    {
        var table = new double[rows][];
        for (var i = 0; i < rows; i++) table[i] = new double[columns];
        return table;
    }

    private static void WriteArray(BinaryWriter writer, double[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values) writer.Write(v);
    }

    private static void ReadArray(BinaryReader reader, double[] into)
    {
        if (reader.ReadInt32() != into.Length) throw new FormatException("bucket count differs");
        for (var i = 0; i < into.Length; i++)
        {
            var v = reader.ReadDouble();
            if (!double.IsFinite(v) || v < 0) throw new FormatException($"bad average {v}");
            into[i] = v;
        }
    }
}
