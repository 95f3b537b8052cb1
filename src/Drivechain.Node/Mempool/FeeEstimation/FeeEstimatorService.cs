using Drivechain.Consensus.State;
using Drivechain.Node.Chain;
using Drivechain.Node.Chain.Tip;
using Drivechain.Node.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Mempool.FeeEstimation;

/// <summary>
/// Runs the node's <see cref="BlockPolicyEstimator"/>: the mempool tells it of every transaction that enters
/// (<see cref="NodeMempool.TransactionAdded"/>) or leaves unconfirmed; connected blocks arrive on the tip-change stream.
/// The averages are kept in <c>fee_estimates.dat</c> in the chain's data directory: read at start (a file that cannot be
/// read is set aside with a warning and the estimator starts empty), written every hour and when the node stops.
/// </summary>
public sealed partial class FeeEstimatorService : TipChangeConsumer
{
    public const string FileName = "fee_estimates.dat";

    /// <summary>Core's FEE_FLUSH_INTERVAL.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromHours(1);

    /// <summary>Core's MAX_FILE_AGE: older estimates are not loaded.</summary>
    public static readonly TimeSpan MaxFileAge = TimeSpan.FromHours(60);

    private readonly string _path;
    private readonly TimeProvider _clock;
    private readonly Lock _fileLock = new();
    private DateTimeOffset _lastFlush;
    private volatile bool _followed;

    public FeeEstimatorService(IOptions<NodeOptions> options, NodeChain node, NodeMempool mempool, TimeProvider clock, ILogger<FeeEstimatorService> log)
        : base(node, log, "fee estimator")
    {
        _path = Path.Combine(options.Value.ChainDataDirectory, FileName);
        _clock = clock;
        Estimator = Load();
        _lastFlush = clock.GetUtcNow();
        mempool.TransactionAdded += entry =>
            Estimator.ProcessTransaction(entry.TxId, entry.Height, entry.FeeRatePerKvB, validForEstimation: entry.Parents.Count == 0);
        mempool.TransactionRemoved += txid => Estimator.RemoveTransaction(txid);
    }

    public BlockPolicyEstimator Estimator { get; }

    protected override ValueTask OnSubscribedAsync(BlockIndex tip, DrivechainState state, long startSequence, CancellationToken cancellationToken)
    {
        Estimator.SetBestHeight(tip.Height);
        _followed = true;
        return default;
    }

    protected override ValueTask OnChangeAsync(TipChange change, CancellationToken cancellationToken)
    {
        if (change is not TipChange.Connected) return default;   // a reorg's blocks at or below the best seen height are ignored
        var counted = Estimator.ProcessBlock(change.Index.Height, change.Block.Transactions.Select(t => t.TxId));
        LogBlock(Log, change.Index.Height, counted, Estimator.TrackedCount);
        if (_clock.GetUtcNow() - _lastFlush >= FlushInterval) Flush();
        return default;
    }

    protected override bool OnFailed(Exception exception)
    {
        LogFailed(Log, exception);
        return true;   // fee estimation is advice: the node runs on without it
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        // Only a node that ran writes: one that stopped before its chain loaded (e.g. another node holds the data
        // directory) leaves the file alone.
        if (_followed) Flush();
    }

    /// <summary>Writes the estimates to <c>fee_estimates.dat</c> (through a temporary file, so a crash never leaves half a file).</summary>
    public void Flush()
    {
        lock (_fileLock)
        {
            try
            {
                var temp = _path + ".new";
                using (var file = File.Create(temp)) Estimator.Write(file);
                File.Move(temp, _path, overwrite: true);
                _lastFlush = _clock.GetUtcNow();
            }
            catch (IOException e)
            {
                LogWriteFailed(Log, _path, e.Message);
            }
            catch (UnauthorizedAccessException e)
            {
                LogWriteFailed(Log, _path, e.Message);
            }
        }
    }

    private BlockPolicyEstimator Load()
    {
        if (!File.Exists(_path)) return new BlockPolicyEstimator();
        var age = _clock.GetUtcNow() - File.GetLastWriteTimeUtc(_path);
        if (age > MaxFileAge)
        {
            LogStale(Log, _path, age.TotalHours);
            return new BlockPolicyEstimator();
        }
        try
        {
            using var file = File.OpenRead(_path);
            var estimator = BlockPolicyEstimator.Read(file);
            LogLoaded(Log, _path);
            return estimator;
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException or IOException)
        {
            LogCorrupt(Log, _path, e.Message);
            return new BlockPolicyEstimator();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fee estimates read from {Path}")]
    private static partial void LogLoaded(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fee estimates in {Path} could not be read ({Reason}); starting without fee estimates")]
    private static partial void LogCorrupt(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fee estimates in {Path} are {Hours:F0} hours old (more than 60); starting without fee estimates")]
    private static partial void LogStale(ILogger logger, string path, double hours);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fee estimates could not be written to {Path}: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fee estimator: block {Height} confirmed {Counted} tracked transactions; {Tracked} still tracked")]
    private static partial void LogBlock(ILogger logger, int height, int counted, int tracked);

    [LoggerMessage(Level = LogLevel.Error, Message = "The fee estimator stopped; the node runs on without new fee estimates")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
