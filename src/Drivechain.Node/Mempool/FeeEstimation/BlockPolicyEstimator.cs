using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Mempool.FeeEstimation;

/// <summary>
/// Bitcoin Core's block-policy fee estimator, simplified but with its arithmetic: transactions that enter the mempool are
/// tracked by fee-rate bucket and entry height; when a block confirms them, the blocks they waited are recorded in three
/// decaying horizons (<see cref="TxConfirmStats"/>); <see cref="EstimateSmartFee"/> answers as Core's estimateSmartFee.
/// Driven by heights only (no clock). Thread-safe: the mempool tells it of transactions under the chain lock, the
/// tip-change consumer tells it of blocks on its own thread.
/// </summary>
public sealed partial class BlockPolicyEstimator
{
    public const int ShortBlockPeriods = 12, ShortScale = 1;
    public const int MedBlockPeriods = 24, MedScale = 2;
    public const int LongBlockPeriods = 42, LongScale = 24;
    public const double ShortDecay = .962, MedDecay = .9952, LongDecay = .99931;
    public const double HalfSuccessPct = .6, SuccessPct = .85, DoubleSuccessPct = .95;
    public const double SufficientFeeTxs = .1, SufficientTxsShort = .5;
    public const double MinBucketFeeRate = 100, MaxBucketFeeRate = 1e7, FeeSpacing = 1.05, InfFeeRate = 1e99;

    /// <summary>Estimates older than this many blocks (about six weeks) are not used after a restart.</summary>
    public const int OldestEstimateHistory = 6 * 1008;

    private readonly Lock _lock = new();
    private readonly double[] _buckets;
    private readonly TxConfirmStats _short, _medium, _long;
    private readonly Dictionary<UInt256, TrackedTx> _tracked = [];
    private readonly Dictionary<UInt256, PendingTx> _pending = [];
    private int _bestSeenHeight;
    private int _firstRecordedHeight;
    private int _historicalFirst;
    private int _historicalBest;

    public BlockPolicyEstimator()
    {
        var buckets = new List<double>();
        for (var boundary = MinBucketFeeRate; boundary <= MaxBucketFeeRate; boundary *= FeeSpacing) buckets.Add(boundary);
        buckets.Add(InfFeeRate);
        _buckets = [.. buckets];
        _short = new TxConfirmStats(_buckets, ShortBlockPeriods, ShortDecay, ShortScale);
        _medium = new TxConfirmStats(_buckets, MedBlockPeriods, MedDecay, MedScale);
        _long = new TxConfirmStats(_buckets, LongBlockPeriods, LongDecay, LongScale);
    }

    /// <summary>The largest confirmation target answered (1008).</summary>
    public int MaxTarget => _long.MaxConfirms;

    /// <summary>The height of the last block processed (or the tip the estimator started from).</summary>
    public int BestSeenHeight
    {
        get { lock (_lock) return _bestSeenHeight; }
    }

    /// <summary>How many transactions are tracked (entered the mempool, not yet confirmed or gone).</summary>
    public int TrackedCount
    {
        get { lock (_lock) return _tracked.Count + _pending.Count; }
    }

    /// <summary>
    /// The chain is at <paramref name="height"/> (the estimator starts or resumes following it). Blocks at or below the best
    /// seen height are ignored afterwards, as Core ignores side chains and reorgs.
    /// </summary>
    public void SetBestHeight(int height)
    {
        lock (_lock)
        {
            if (height > _bestSeenHeight) _bestSeenHeight = height;
            PromotePending();
        }
    }

    /// <summary>
    /// A transaction entered the mempool while the tip was at <paramref name="entryHeight"/>. Only transactions whose
    /// inputs are all confirmed are tracked (Core's validForFeeEstimation); one already tracked keeps its entry height.
    /// </summary>
    public void ProcessTransaction(UInt256 txid, int entryHeight, long feeRatePerKvB, bool validForEstimation)
    {
        lock (_lock)
        {
            if (!validForEstimation || _tracked.ContainsKey(txid) || _pending.ContainsKey(txid)) return;
            if (entryHeight < _bestSeenHeight) return;    // entered on a chain the estimator has already left
            if (entryHeight > _bestSeenHeight)
            {
                // The mempool saw a block the estimator has not processed yet: track it once that block is processed.
                _pending[txid] = new PendingTx(entryHeight, feeRatePerKvB);
                return;
            }
            Track(txid, entryHeight, feeRatePerKvB);
        }
    }

    /// <summary>A transaction left the mempool without being confirmed (replaced, conflicted, invalid on a new tip).</summary>
    public void RemoveTransaction(UInt256 txid)
    {
        lock (_lock)
        {
            if (_pending.Remove(txid)) return;
            Untrack(txid, inBlock: false);
        }
    }

    /// <summary>
    /// A block at <paramref name="height"/> with these transaction ids was connected: tracked ones record how many blocks
    /// they waited; every average decays once. Returns how many confirmed transactions were counted.
    /// </summary>
    public int ProcessBlock(int height, IEnumerable<UInt256> txids)
    {
        lock (_lock)
        {
            if (height <= _bestSeenHeight) return 0;   // a side chain or a reorg: ignored, as Core
            _bestSeenHeight = height;
            foreach (var stats in Horizons()) stats.ClearCurrent(height);
            foreach (var stats in Horizons()) stats.UpdateMovingAverages();
            var counted = 0;
            foreach (var txid in txids)
            {
                if (!_tracked.TryGetValue(txid, out var tx)) continue;
                Untrack(txid, inBlock: true);
                var blocksToConfirm = height - tx.EntryHeight;
                if (blocksToConfirm <= 0) continue;
                foreach (var stats in Horizons()) stats.Record(blocksToConfirm, tx.FeeRate);
                counted++;
            }
            if (_firstRecordedHeight == 0 && counted > 0) _firstRecordedHeight = height;
            ExpireStale(height);
            PromotePending();
            return counted;
        }
    }

    private void Track(UInt256 txid, int entryHeight, double feeRate)
    {
        var bucket = _short.NewTx(entryHeight, feeRate);
        _medium.NewTx(entryHeight, feeRate);
        _long.NewTx(entryHeight, feeRate);
        _tracked[txid] = new TrackedTx(entryHeight, bucket, feeRate);
    }

    private void Untrack(UInt256 txid, bool inBlock)
    {
        if (!_tracked.Remove(txid, out var tx)) return;
        foreach (var stats in Horizons()) stats.RemoveTx(tx.EntryHeight, _bestSeenHeight, tx.Bucket, inBlock);
    }

    /// <summary>Entries waiting for the block the estimator has now reached start being tracked.</summary>
    private void PromotePending()
    {
        if (_pending.Count == 0) return;
        foreach (var (txid, tx) in _pending.ToList())
        {
            if (tx.EntryHeight > _bestSeenHeight) continue;
            _pending.Remove(txid);
            if (tx.EntryHeight == _bestSeenHeight) Track(txid, tx.EntryHeight, tx.FeeRate);
        }
    }

    /// <summary>
    /// Our mempool does not expire transactions (Core's does, after two weeks): one unconfirmed for longer than the long
    /// horizon (1008 blocks), or a temporary one nobody said was removed, leaves as a failure.
    /// </summary>
    private void ExpireStale(int height)
    {
        if (_tracked.Count == 0) return;
        foreach (var (txid, tx) in _tracked.ToList())
            if (height - tx.EntryHeight > MaxTarget) Untrack(txid, inBlock: false);
    }

    private IEnumerable<TxConfirmStats> Horizons() => [_short, _medium, _long];

    private TxConfirmStats Stats(FeeEstimateHorizon horizon) => horizon switch
    {
        FeeEstimateHorizon.Short => _short,
        FeeEstimateHorizon.Medium => _medium,
        _ => _long,
    };

    private readonly record struct TrackedTx(int EntryHeight, int Bucket, double FeeRate);

    private readonly record struct PendingTx(int EntryHeight, double FeeRate);
}
