using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Node.Chain.Tip;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Hosting;

/// <summary>Logs what an operator needs from each connected block: sidechain proposals and activations, deposits,
/// bundles submitted, failed and paid; and every disconnect. A consumer of the tip-change stream.</summary>
public sealed partial class DrivechainActivityLog(NodeChain node, ILogger<DrivechainActivityLog> log)
    : TipChangeConsumer(node, log, "drivechain activity log")
{
    protected override ValueTask OnChangeAsync(TipChange change, CancellationToken cancellationToken)
    {
        if (change is not TipChange.Connected connected)
        {
            LogDisconnected(log, change.Index.Height, change.Block.Hash);
            return default;
        }
        var height = change.Index.Height;
        foreach (var ev in connected.Events)
        {
            switch (ev)
            {
                case DrivechainEvent.SidechainProposed p: LogProposed(log, p.Slot, p.DescriptionHash, height); break;
                case DrivechainEvent.SidechainActivated a: LogActivated(log, a.Slot, a.DescriptionHash, a.Replaced, height); break;
                case DrivechainEvent.DepositReceived d: LogDeposit(log, d.Slot, d.Value.Satoshis, d.Seq, d.OutPoint.TxId); break;
                case DrivechainEvent.BundleSubmitted b: LogBundleSubmitted(log, b.Slot, b.M6Id, height); break;
                case DrivechainEvent.BundleFailed f: LogBundleFailed(log, f.Slot, f.M6Id, height); break;
                case DrivechainEvent.BundleSucceeded s: LogBundlePaid(log, s.Slot, s.M6Id, s.TxId, height); break;
            }
        }
        return default;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Block {BlockHash} at height {Height} disconnected")]
    private static partial void LogDisconnected(ILogger logger, int height, UInt256 blockHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sidechain proposed in slot {Slot}: {DescriptionHash} at height {Height}")]
    private static partial void LogProposed(ILogger logger, byte slot, UInt256 descriptionHash, int height);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sidechain activated in slot {Slot}: {DescriptionHash} (replaced: {Replaced}) at height {Height}")]
    private static partial void LogActivated(ILogger logger, byte slot, UInt256 descriptionHash, bool replaced, int height);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deposit to slot {Slot}: {Satoshis} sat, treasury seq {Seq}, tx {TxId}")]
    private static partial void LogDeposit(ILogger logger, byte slot, long satoshis, int seq, UInt256 txId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Withdrawal bundle {M6Id} proposed for slot {Slot} at height {Height}")]
    private static partial void LogBundleSubmitted(ILogger logger, byte slot, Drivechain.Consensus.Messages.M6Id m6Id, int height);

    [LoggerMessage(Level = LogLevel.Information, Message = "Withdrawal bundle {M6Id} of slot {Slot} expired at height {Height}")]
    private static partial void LogBundleFailed(ILogger logger, byte slot, Drivechain.Consensus.Messages.M6Id m6Id, int height);

    [LoggerMessage(Level = LogLevel.Information, Message = "Withdrawal bundle {M6Id} of slot {Slot} paid out by {TxId} at height {Height}")]
    private static partial void LogBundlePaid(ILogger logger, byte slot, Drivechain.Consensus.Messages.M6Id m6Id, UInt256 txId, int height);
}
