using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Node.Chain.Tip;
using Drivechain.Node.P2P.Sync;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Hosting;

/// <summary>Logs what an operator needs from each connected block: sidechain proposals and activations, deposits,
/// bundles submitted, failed and paid; and every disconnect. A consumer of the tip-change stream.
/// Blocks older than <see cref="SyncProgress.MaxTipAge"/> (initial block download, an import) log each event at Debug
/// and an Information summary every <see cref="SummaryInterval"/> blocks instead, as Core keeps its per-block lines out of
/// the console while it catches up.</summary>
public sealed partial class DrivechainActivityLog(NodeChain node, TimeProvider clock, ILogger<DrivechainActivityLog> log)
    : TipChangeConsumer(node, log, "drivechain activity log")
{
    /// <summary>While catching up, one summary line per this many blocks.</summary>
    public const int SummaryInterval = 2_000;

    private readonly int[] _counts = new int[6];
    private int _summaryFrom = -1;
    private int _lastHeight = -1;

    protected override ValueTask OnChangeAsync(TipChange change, CancellationToken cancellationToken)
    {
        if (change is not TipChange.Connected connected)
        {
            LogDisconnected(log, change.Index.Height, change.Block.Hash);
            return default;
        }
        var height = _lastHeight = change.Index.Height;
        var historical = DateTimeOffset.FromUnixTimeSeconds(change.Index.Header.Time) < clock.GetUtcNow() - SyncProgress.MaxTipAge;
        if (!historical) FlushSummary(height - 1);
        else if (_summaryFrom < 0) _summaryFrom = height;
        var eventLevel = historical ? LogLevel.Debug : LogLevel.Information;
        if (!log.IsEnabled(eventLevel) && !historical) return default;
        foreach (var ev in connected.Events)
        {
            var kind = ev switch
            {
                DrivechainEvent.SidechainProposed => 0,
                DrivechainEvent.SidechainActivated => 1,
                DrivechainEvent.DepositReceived => 2,
                DrivechainEvent.BundleSubmitted => 3,
                DrivechainEvent.BundleFailed => 4,
                DrivechainEvent.BundleSucceeded => 5,
                _ => -1,
            };
            if (kind < 0) continue;
            if (historical) _counts[kind]++;
            if (!log.IsEnabled(eventLevel)) continue;
            switch (ev)
            {
                case DrivechainEvent.SidechainProposed p: LogProposed(log, eventLevel, p.Slot, p.DescriptionHash, height); break;
                case DrivechainEvent.SidechainActivated a: LogActivated(log, eventLevel, a.Slot, a.DescriptionHash, a.Replaced, height); break;
                case DrivechainEvent.DepositReceived d: LogDeposit(log, eventLevel, d.Slot, d.Value.Satoshis, d.Seq, d.OutPoint.TxId); break;
                case DrivechainEvent.BundleSubmitted b: LogBundleSubmitted(log, eventLevel, b.Slot, b.M6Id, height); break;
                case DrivechainEvent.BundleFailed f: LogBundleFailed(log, eventLevel, f.Slot, f.M6Id, height); break;
                case DrivechainEvent.BundleSucceeded s: LogBundlePaid(log, eventLevel, s.Slot, s.M6Id, s.TxId, height); break;
            }
        }
        if (historical && height - _summaryFrom + 1 >= SummaryInterval) FlushSummary(height);
        return default;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        FlushSummary(_lastHeight);
    }

    /// <summary>Logs the summary of the historical blocks since the last one (through <paramref name="toHeight"/>).</summary>
    private void FlushSummary(int toHeight)
    {
        if (_summaryFrom < 0) return;
        if (toHeight >= _summaryFrom)
            LogSummary(log, _summaryFrom, toHeight, _counts[0], _counts[1], _counts[2], _counts[3], _counts[4], _counts[5]);
        _summaryFrom = -1;
        Array.Clear(_counts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drivechain activity in blocks {FromHeight}-{ToHeight}: {Proposed} sidechains proposed, {Activated} activated, {Deposits} deposits, {Submitted} bundles proposed, {Failed} expired, {Paid} paid")]
    private static partial void LogSummary(ILogger logger, int fromHeight, int toHeight, int proposed, int activated, int deposits, int submitted, int failed, int paid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Block {BlockHash} at height {Height} disconnected")]
    private static partial void LogDisconnected(ILogger logger, int height, UInt256 blockHash);

    [LoggerMessage(Message = "Sidechain proposed in slot {Slot}: {DescriptionHash} at height {Height}")]
    private static partial void LogProposed(ILogger logger, LogLevel level, byte slot, UInt256 descriptionHash, int height);

    [LoggerMessage(Message = "Sidechain activated in slot {Slot}: {DescriptionHash} (replaced: {Replaced}) at height {Height}")]
    private static partial void LogActivated(ILogger logger, LogLevel level, byte slot, UInt256 descriptionHash, bool replaced, int height);

    [LoggerMessage(Message = "Deposit to slot {Slot}: {Satoshis} sat, treasury seq {Seq}, tx {TxId}")]
    private static partial void LogDeposit(ILogger logger, LogLevel level, byte slot, long satoshis, int seq, UInt256 txId);

    [LoggerMessage(Message = "Withdrawal bundle {M6Id} proposed for slot {Slot} at height {Height}")]
    private static partial void LogBundleSubmitted(ILogger logger, LogLevel level, byte slot, Drivechain.Consensus.Messages.M6Id m6Id, int height);

    [LoggerMessage(Message = "Withdrawal bundle {M6Id} of slot {Slot} expired at height {Height}")]
    private static partial void LogBundleFailed(ILogger logger, LogLevel level, byte slot, Drivechain.Consensus.Messages.M6Id m6Id, int height);

    [LoggerMessage(Message = "Withdrawal bundle {M6Id} of slot {Slot} paid out by {TxId} at height {Height}")]
    private static partial void LogBundlePaid(ILogger logger, LogLevel level, byte slot, Drivechain.Consensus.Messages.M6Id m6Id, UInt256 txId, int height);
}
