using System.Numerics;
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

    /// <summary>Core's -minimumchainwork in effect (the option, or the network's default).</summary>
    public BigInteger MinimumChainWork => MinimumChainWorkOption.Resolve(options.Value.MinimumChainWork, network);

    /// <summary>The block download scheduler (created with the chain, once it is loaded).</summary>
    public BlockDownloadScheduler Downloads =>
        LazyInitializer.EnsureInitialized(ref _downloads, () => new BlockDownloadScheduler(node.Chain) { MinimumChainWork = MinimumChainWork });

    private SyncProgress Progress => LazyInitializer.EnsureInitialized(ref _progress, () => new SyncProgress(MinimumChainWork));

    /// <summary>getblockchaininfo's headers: the height of the most-work header known (the tip when no peer announced more).</summary>
    public int HeaderHeight(BlockIndex tip) =>
        node.IsLoaded && Downloads.BestHeader is { } best && best.ChainWork > tip.ChainWork ? Math.Max(best.Height, tip.Height) : tip.Height;

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
    private bool OnNotFound(Peer peer, List<Messages.InventoryItem> items)
    {
        if (node.IsLoaded) Downloads.NotFound(peer.Id, items.Where(i => i.IsBlock).Select(i => i.Hash));
        return true;
    }

    /// <summary>Headers presync (-minimumchainwork): null when the headers are to be stored as usual.</summary>
    private Task<bool>? PresyncHeaders(Peer peer, System.Collections.Immutable.ImmutableArray<Bitcoin.Primitives.BlockHeader> headers) => null;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "UpdateTip: new best={BlockHash} height={Height} headers={HeaderHeight} date={BlockTime:u} progress={Progress:F6} ({Percent:F2} %) {Rate:F1} blocks/s ETA {Eta}")]
    private static partial void LogUpdateTip(ILogger logger, Bitcoin.Primitives.UInt256 blockHash, int height, int headerHeight, DateTimeOffset blockTime,
        double progress, double percent, double rate, string eta);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {PeerId} is {Reason}; disconnecting")]
    private static partial void LogStalling(ILogger logger, long peerId, string reason);
}
