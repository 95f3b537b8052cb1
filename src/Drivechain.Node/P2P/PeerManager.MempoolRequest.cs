using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.P2P.Messages;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.P2P;

/// <summary>
/// BIP35 <c>mempool</c> as Core: we do not offer NODE_BLOOM, so only a peer with the <c>mempool</c> permission (-whitelist,
/// -whitebind; the default whitelist permissions include it) is answered, with inv messages (by wtxid to BIP339 peers,
/// else by txid; at most 50,000 entries each) of every mempool transaction at or above its feefilter; any other peer is
/// disconnected ("mempool request with bloom filters disabled"), except a noban one, whose request is ignored. Block-relay-only
/// connections have no transaction relay: ignored.
/// </summary>
public sealed partial class PeerManager
{
    private async Task<bool> OnMempoolRequestAsync(Peer peer)
    {
        if (!peer.HasPermission(NetPermissions.Mempool))
        {
            if (peer.HasPermission(NetPermissions.NoBan)) return true;
            LogMempoolRefused(log, peer.Id);
            peer.Disconnect("mempool request with bloom filters disabled");
            return true;
        }
        if (peer.ConnectionType == BlockRelayOnly || !node.IsLoaded) return true;
        List<(UInt256 WTxId, UInt256 TxId, long FeeRate)> entries;
        using (node.EnterLock())
        {
            miner.FollowTip();
            entries = [.. mempool.Pool.Entries.Select(e => (e.Transaction.WTxId, e.TxId, e.FeeRatePerKvB))];
        }
        var items = new List<InventoryItem>();
        foreach (var (wtxid, txid, feeRate) in entries)
        {
            if (feeRate < peer.FeeFilter) continue;
            peer.MarkKnown(wtxid);   // answered now: the next trickle skips it
            peer.MarkKnown(txid);
            items.Add(peer.WTxIdRelay ? new InventoryItem(InventoryItem.MsgWTx, wtxid) : new InventoryItem(InventoryItem.MsgTx, txid));
        }
        LogMempoolAnswered(log, peer.Id, items.Count);
        foreach (var batch in items.Chunk(InventoryItem.MaxCount))
            if (!await peer.SendAsync("inv", P2PPayloads.Inventory(batch)).ConfigureAwait(false)) return false;
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {PeerId}: mempool request with bloom filters disabled; disconnecting")]
    private static partial void LogMempoolRefused(ILogger logger, long peerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Peer {PeerId}: mempool request answered with {Count} transactions")]
    private static partial void LogMempoolAnswered(ILogger logger, long peerId, int count);
}
