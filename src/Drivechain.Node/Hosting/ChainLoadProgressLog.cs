using Drivechain.Node.Chain;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Hosting;

/// <summary>
/// Logs a chain's load or reindex progress (<see cref="ChainManagerOptions.Progress"/>): at most one progress line per
/// <see cref="Interval"/> (by <see cref="TimeProvider"/>), every rejected block, and a summary with the time taken at the
/// end of each phase. Called synchronously on the loading thread.
/// </summary>
public sealed partial class ChainLoadProgressLog(ILogger log, TimeProvider time) : IProgress<ChainLoadProgress>
{
    /// <summary>The least time between two progress lines.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private long _phaseStart = time.GetTimestamp();   // the first phase starts when the chain starts opening
    private long _lastLine = time.GetTimestamp();
    private bool _inPhase;

    /// <summary>Logs the report when it is due (see the class summary).</summary>
    public void Report(ChainLoadProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        long now = time.GetTimestamp();
        if (!_inPhase)
        {
            _inPhase = true;
            if (value.Phase == ChainLoadPhase.Reindexing) LogReindexStarted(log, value.Total);
            else if (value.Phase == ChainLoadPhase.Importing) LogImportStarted(log, value.Total);
        }
        if (value.Rejected is { } rejected)
        {
            LogRejected(log, value.Phase, rejected.BlockHash, rejected.Code, rejected.Reason);
            return;
        }
        if (value.IsFinal)
        {
            var elapsed = time.GetElapsedTime(_phaseStart, now);
            if (value.Phase == ChainLoadPhase.Reindexing)
                LogReindexDone(log, value.Blocks, value.Total, value.Height, value.Orphans, elapsed.TotalSeconds);
            else if (value.Phase == ChainLoadPhase.Importing)
            {
                double rate = value.Blocks / Math.Max(elapsed.TotalSeconds, 1e-3);
                LogImportDone(log, value.Blocks, value.Total, value.Height, value.Orphans, elapsed.TotalSeconds, rate);
            }
            else
                LogIndexLoaded(log, value.Total, value.Height, elapsed.TotalSeconds);
            if (value.Statistics is { } statistics && value.Phase != ChainLoadPhase.LoadingBlockIndex)
            {
                double drivechainShare = 100 * statistics.DrivechainRuleSeconds / Math.Max(elapsed.TotalSeconds, 1e-3);
                LogValidationCost(log, value.Phase, statistics.BaseRuleSeconds, statistics.DrivechainRuleSeconds, drivechainShare,
                    statistics.Flushes, statistics.FlushSeconds, statistics.UndoWrites, statistics.UndoWriteSeconds);
            }
            _phaseStart = _lastLine = now;
            _inPhase = false;
            return;
        }
        if (time.GetElapsedTime(_lastLine, now) < Interval) return;
        _lastLine = now;
        if (value.Phase == ChainLoadPhase.Reindexing) LogReindexing(log, value.Done, value.Total, value.Height, value.Blocks);
        else if (value.Phase == ChainLoadPhase.Importing)
        {
            double rate = value.Blocks / Math.Max(time.GetElapsedTime(_phaseStart, now).TotalSeconds, 1e-3);
            long file = value.Done + 1;
            LogImporting(log, file, value.Total, value.Height, value.Blocks, rate);
        }
        else LogLoading(log, value.Done, value.Total);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex: rebuilding the chain state from {Total} block files")]
    private static partial void LogReindexStarted(ILogger logger, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindexing blocks: {Done} of {Total} files, height {Height}, {Blocks} blocks read")]
    private static partial void LogReindexing(ILogger logger, long done, long total, int height, long blocks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex done: {Blocks} blocks from {Total} files, tip height {Height}, {Orphans} without parent, in {Seconds:F1} s")]
    private static partial void LogReindexDone(ILogger logger, long blocks, long total, int height, int orphans, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Phase}: block {BlockHash} rejected: {RejectCode} {Reason}")]
    private static partial void LogRejected(ILogger logger, ChainLoadPhase phase, Drivechain.Bitcoin.Primitives.UInt256 blockHash, string rejectCode, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Importing blocks from {Total} external block files (-loadblock)")]
    private static partial void LogImportStarted(ILogger logger, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Importing blocks: file {File} of {Total}, height {Height}, {Blocks} blocks read, {Rate:F0} blocks/s")]
    private static partial void LogImporting(ILogger logger, long file, long total, int height, long blocks, double rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import done: {Blocks} blocks from {Total} files, tip height {Height}, {Orphans} without parent, in {Seconds:F1} s ({Rate:F0} blocks/s)")]
    private static partial void LogImportDone(ILogger logger, long blocks, long total, int height, int orphans, double seconds, double rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Phase} cost: base rules {BaseSeconds:F2} s, drivechain rules {DrivechainSeconds:F2} s ({DrivechainShare:F1}% of the phase), {Flushes} flushes {FlushSeconds:F2} s, {UndoWrites} undo writes {UndoWriteSeconds:F2} s")]
    private static partial void LogValidationCost(ILogger logger, ChainLoadPhase phase, double baseSeconds, double drivechainSeconds, double drivechainShare, int flushes, double flushSeconds, int undoWrites, double undoWriteSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading block index: {Done} of {Total} entries")]
    private static partial void LogLoading(ILogger logger, long done, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Block index loaded: {Total} entries, tip height {Height}, in {Seconds:F1} s")]
    private static partial void LogIndexLoaded(ILogger logger, long total, int height, double seconds);
}
