using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Numerics;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.P2P.Messages;
using Drivechain.Node.Chain;
using Drivechain.Node.P2P.Sync;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.P2P;

/// <summary>
/// The parallel block download's plumbing (docs/p2p.md, "Block download"): the <see cref="BlockDownloadScheduler"/>,
/// its once-a-second checks (stallers and download timeouts disconnected, every peer topped up to 16 blocks in flight),
/// the sync progress (UpdateTip lines, initial block download, verification progress) and -minimumchainwork.
/// </summary>
public sealed partial class PeerManager
{
    private BlockDownloadScheduler? _downloads;
    private SyncProgress? _progress;
    private readonly ConcurrentDictionary<long, HeadersPresync> _presyncs = new();

    /// <summary>Core's -minimumchainwork in effect (the option, or the network's default).</summary>
    public BigInteger MinimumChainWork => MinimumChainWorkOption.Resolve(options.Value.MinimumChainWork, network);

    /// <summary>The block download scheduler (created with the chain, once it is loaded).</summary>
    public BlockDownloadScheduler Downloads =>
        LazyInitializer.EnsureInitialized(ref _downloads, () => new BlockDownloadScheduler(node.Chain) { MinimumChainWork = MinimumChainWork });

    private SyncProgress Progress => LazyInitializer.EnsureInitialized(ref _progress, () => new SyncProgress(MinimumChainWork));

    /// <summary>getblockchaininfo's headers: the height of the most-work header known (the tip when no peer announced more).</summary>
    public int HeaderHeight(BlockIndex tip) =>
        node.IsLoaded && Downloads.BestHeader is { } best && best.ChainWork > tip.ChainWork ? Math.Max(best.Height, tip.Height) : tip.Height;

    /// <summary>getpeerinfo's inflight: the heights of the blocks requested from <paramref name="peerId"/> and not yet received.</summary>
    public IReadOnlyList<int> BlocksInFlightHeights(long peerId)
    {
        if (_downloads is not { } downloads) return [];
        return [.. downloads.InFlightFrom(peerId).Select(hash => downloads.HeaderTreeNode(hash)?.Height ?? -1).Where(h => h >= 0)];
    }

    /// <summary>getblockchaininfo's initialblockdownload (Core's IsInitialBlockDownload).</summary>
    public bool IsInitialBlockDownload(BlockIndex tip) => Progress.IsInitialBlockDownload(tip, clock.GetUtcNow());

    /// <summary>getblockchaininfo's verificationprogress: see <see cref="SyncProgress.Estimate"/>.</summary>
    public double VerificationProgress(BlockIndex tip) => SyncProgress.Estimate(tip.Height, HeaderHeight(tip));

    private void ReportProgress(BlockIndex tip)
    {
        if (Progress.Observe(tip, HeaderHeight(tip), clock.GetUtcNow()) is not { } report) return;
        LogUpdateTip(log, report.Hash, report.Height, report.HeaderHeight, report.BlockTime, report.Progress, report.Progress * 100,
            report.BlocksPerSecond, report.Eta is { } eta ? eta.ToString(@"d\.hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : "-");
    }

    /// <summary>Once a second: disconnects stallers and peers past the download timeout, then tops every peer up.</summary>
    private async Task SyncTickAsync(DateTimeOffset now)
    {
        var downloads = Downloads;
        foreach (var stalled in downloads.FindStallers(now, TimeSpan.FromSeconds(network.PowTargetSpacing)))
        {
            if (_peers.TryGetValue(stalled.PeerId, out var peer))
            {
                LogStalling(log, stalled.PeerId, stalled.Reason);
                peer.Disconnect(stalled.Reason);
            }
            downloads.RemovePeer(stalled.PeerId);
        }
        foreach (var peer in _peers.Values)
            if (peer.Established)
                await RequestBlocksAsync(peer).ConfigureAwait(false);
    }

    /// <summary>notfound: the blocks the peer does not have go back to the scheduler for other peers (Core).</summary>
    private bool OnNotFound(Peer peer, List<InventoryItem> items)
    {
        if (node.IsLoaded) Downloads.NotFound(peer.Id, items.Where(i => i.IsBlock).Select(i => i.Hash));
        return true;
    }

    /// <summary>Core's GetAntiDoSWorkThreshold: -minimumchainwork, or the work of our tip less 144 blocks when that is more.</summary>
    private BigInteger AntiDoSWorkThreshold()
    {
        var tip = node.Chain.Tip;
        var nearTip = tip.ChainWork - BigInteger.Min(144 * tip.Header.Work, tip.ChainWork);
        return BigInteger.Max(nearTip, MinimumChainWork);
    }

    /// <summary>
    /// Headers that connect but whose chain stays below <see cref="AntiDoSWorkThreshold"/>: a full batch starts presync
    /// (<see cref="HeadersPresync"/>), a partial one is ignored (nothing stored, no punishment, as Core). Null when the
    /// headers are to be stored as usual.
    /// </summary>
    private async Task<bool?> StartPresyncAsync(Peer peer, ImmutableArray<BlockHeader> headers)
    {
        var threshold = AntiDoSWorkThreshold();
        if (threshold.IsZero) return null;
        var previous = headers[0].PreviousBlockHash;
        var (parentHeight, parentWork) = Downloads.HeaderTreeNode(previous) is { } treeParent
            ? (treeParent.Height, treeParent.ChainWork)
            : node.Chain.GetBlockIndex(previous) is { } chainParent ? (chainParent.Height, chainParent.ChainWork) : (-1, BigInteger.Zero);
        var claimed = headers.Aggregate(BigInteger.Zero, (work, header) => work + header.Work);
        if (parentHeight < 0 || parentWork + claimed >= threshold) return null;
        if (headers.Length < P2PPayloads.MaxHeaders)
        {
            LogLowWorkIgnored(log, peer.Id, parentHeight + headers.Length);
            return true;
        }
        var presync = new HeadersPresync(previous, parentHeight, parentWork, threshold);
        _presyncs[peer.Id] = presync;
        LogPresyncStarted(log, peer.Id, parentHeight, threshold);
        return await ContinuePresyncAsync(peer, presync, headers).ConfigureAwait(false);
    }

    private async Task<bool> ContinuePresyncAsync(Peer peer, HeadersPresync presync, ImmutableArray<BlockHeader> headers)
    {
        var full = headers.Length == P2PPayloads.MaxHeaders;
        if (!presync.Redownloading)
        {
            switch (presync.Presync(headers, full))
            {
                case PresyncStep.Continue:
                    LogPresyncProgress(log, peer.Id, presync.PresyncHeight);
                    return await RequestHeadersAsync(peer, presync.Last).ConfigureAwait(false);
                case PresyncStep.Redownload:
                    LogPresyncReached(log, peer.Id, presync.PresyncHeight);
                    return await RequestHeadersAsync(peer, presync.StartHash).ConfigureAwait(false);
                default:
                    _presyncs.TryRemove(peer.Id, out _);
                    LogLowWorkIgnored(log, peer.Id, presync.PresyncHeight);
                    return true;
            }
        }
        var step = presync.Redownload(headers, full, out var verified);
        if (verified.Count > 0 && !await StoreHeadersAsync(peer, verified).ConfigureAwait(false)) return false;
        switch (step)
        {
            case PresyncStep.Continue:
                return await RequestHeadersAsync(peer, presync.Last).ConfigureAwait(false);
            case PresyncStep.Done:
                _presyncs.TryRemove(peer.Id, out _);
                LogRedownloadDone(log, peer.Id, presync.PresyncHeight);
                return !full || await RequestHeadersAsync(peer, headers[^1].Hash).ConfigureAwait(false);
            default:
                _presyncs.TryRemove(peer.Id, out _);
                LogRedownloadFailed(log, peer.Id);
                return true;
        }
    }

    /// <summary>A peer is gone: its blocks in flight go to others, its presync is dropped.</summary>
    private void ForgetDownloads(long peerId)
    {
        _downloads?.RemovePeer(peerId);
        _presyncs.TryRemove(peerId, out _);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "UpdateTip: new best={BlockHash} height={Height} headers={HeaderHeight} date={BlockTime:u} progress={Progress:F6} ({Percent:F2} %) {Rate:F1} blocks/s ETA {Eta}")]
    private static partial void LogUpdateTip(ILogger logger, UInt256 blockHash, int height, int headerHeight, DateTimeOffset blockTime,
        double progress, double percent, double rate, string eta);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignoring low-work chain (height={Height}) from peer {PeerId}")]
    private static partial void LogLowWorkIgnored(ILogger logger, long peerId, int height);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {PeerId}: headers below the anti-DoS work threshold 0x{Threshold:x} from height {Height}; pre-synchronizing")]
    private static partial void LogPresyncStarted(ILogger logger, long peerId, int height, BigInteger threshold);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pre-synchronizing blockheaders, height: {Height} (peer {PeerId})")]
    private static partial void LogPresyncProgress(ILogger logger, long peerId, int height);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {PeerId}: headers chain reaches the work threshold at height {Height}; synchronizing blockheaders again to store them")]
    private static partial void LogPresyncReached(ILogger logger, long peerId, int height);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {PeerId}: redownloaded headers match the presynced chain up to height {Height}")]
    private static partial void LogRedownloadDone(ILogger logger, long peerId, int height);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer {PeerId}: redownloaded headers differ from the presynced chain; headers sync with it aborted")]
    private static partial void LogRedownloadFailed(ILogger logger, long peerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {PeerId} is {Reason}; disconnecting")]
    private static partial void LogStalling(ILogger logger, long peerId, string reason);
}
