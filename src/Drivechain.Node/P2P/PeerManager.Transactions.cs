using System.Buffers.Binary;
using System.Collections.Concurrent;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Mempool;
using Drivechain.Node.P2P.Messages;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.P2P;

/// <summary>
/// Transaction relay through the mempool, as Core: an announced transaction we lack (wtxid inv from BIP339 peers, txid
/// inv otherwise) is requested once; a received one goes to <see cref="NodeMempool.Accept"/> under the node lock;
/// refused ones land in the recent-rejects filter, ones with unknown inputs in the <see cref="OrphanPool"/> (their
/// parents requested) and are retried when a parent is accepted. What the mempool holds is announced to every peer
/// that relays transactions, does not know it and whose feefilter it meets; getdata is answered from the mempool.
/// </summary>
public sealed partial class PeerManager
{
    /// <summary>Core's DEFAULT_MIN_RELAY_TX_FEE (sat/kvB), sent as our feefilter.</summary>
    public const long MinRelayTxFee = 1000;

    /// <summary>How long a transaction requested from one peer is not requested from another.</summary>
    private static readonly TimeSpan TxRequestTimeout = TimeSpan.FromMinutes(1);

    private const long MaxMoney = 21_000_000L * 100_000_000L;

    private readonly OrphanPool _orphans = new();
    /// <summary>Core's m_lazy_recent_rejects: 120,000 hashes (wtxid, and txid for transactions without witness) the mempool refused.</summary>
    public const int RecentRejectsCapacity = 120_000;

    private readonly RecentHashes _recentRejects = new(RecentRejectsCapacity);
    private readonly ConcurrentDictionary<UInt256, DateTimeOffset> _txRequested = new();
    private volatile Dictionary<UInt256, UInt256> _relayIndex = [];   // the mempool at the last tick: wtxid → txid

    /// <summary>Orphans waiting for a parent (getnetworkinfo/tests).</summary>
    public int OrphanCount => _orphans.Count;

    private Task<bool> SendFeeFilterAsync(Peer peer)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(payload, MinRelayTxFee);
        return peer.SendAsync("feefilter", payload);
    }

    private static bool OnFeeFilter(Peer peer, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 8) return false;
        var fee = BinaryPrimitives.ReadInt64LittleEndian(payload);
        if (fee is >= 0 and <= MaxMoney) peer.FeeFilter = fee;
        return true;
    }

    /// <summary>Requests the announced transactions we neither have, nor refused recently, nor asked another peer for.</summary>
    private async Task<bool> OnTransactionInventoryAsync(Peer peer, List<InventoryItem> items)
    {
        var announced = items.Where(i => i.IsTransaction).ToList();
        if (announced.Count == 0) return true;
        foreach (var item in announced) peer.MarkKnown(item.Hash);
        var wanted = new List<InventoryItem>();
        using (node.EnterLock())
        {
            miner.FollowTip();
            foreach (var item in announced)
            {
                var byWTxId = item.Type == InventoryItem.MsgWTx;
                var inPool = byWTxId ? mempool.Pool.ContainsWTxId(item.Hash) : mempool.Pool.Contains(item.Hash);
                if (inPool || _recentRejects.Contains(item.Hash) || _orphans.Contains(item.Hash)) continue;
                if (!_txRequested.TryAdd(item.Hash, clock.GetUtcNow())) continue;
                wanted.Add(new InventoryItem(byWTxId ? InventoryItem.MsgWTx : InventoryItem.MsgWitnessTx, item.Hash));
            }
        }
        return wanted.Count == 0 || await peer.SendAsync("getdata", P2PPayloads.Inventory(wanted)).ConfigureAwait(false);
    }

    private async Task<bool> OnTransactionAsync(Peer peer, byte[] payload)
    {
        if (!Transaction.TryParse(payload, out var tx, out _)) return false;
        peer.MarkKnown(tx.WTxId);
        peer.MarkKnown(tx.TxId);
        _txRequested.TryRemove(tx.WTxId, out _);
        _txRequested.TryRemove(tx.TxId, out _);
        if (_recentRejects.Contains(tx.WTxId) || _orphans.Contains(tx.WTxId)) return true;
        List<InventoryItem> parents;
        using (node.EnterLock())
        {
            miner.FollowTip();
            parents = ProcessTransaction(peer, tx);
        }
        return parents.Count == 0 || await peer.SendAsync("getdata", P2PPayloads.Inventory(parents)).ConfigureAwait(false);
    }

    /// <summary>Offers one transaction (and then the orphans it unlocks) to the mempool; returns the parents to request. Under the node lock.</summary>
    private List<InventoryItem> ProcessTransaction(Peer peer, Transaction tx)
    {
        var result = mempool.Accept(tx, testOnly: false);
        switch (result.Kind)
        {
            case MempoolRejectKind.None:
                LogTxAccepted(log, peer.Id, tx.TxId, mempool.Pool.Count);
                RetryOrphans(tx);
                return [];
            case MempoolRejectKind.MissingInputs:
                return AddOrphan(peer, tx);
            case MempoolRejectKind.Invalid:
            case MempoolRejectKind.AlreadyInChain:
                Reject(tx, result.Message, peer.Id);
                return [];
            default:
                return [];
        }
    }

    private List<InventoryItem> AddOrphan(Peer peer, Transaction tx)
    {
        var parents = tx.Inputs.Select(i => i.PrevOut.TxId).Distinct().ToList();
        if (parents.Any(_recentRejects.Contains))
        {
            Reject(tx, "parent rejected", peer.Id);
            return [];
        }
        if (!_orphans.Add(tx, peer.Id, clock.GetUtcNow())) return [];
        _orphans.Limit(clock.GetUtcNow(), Random.Shared);
        LogOrphan(log, peer.Id, tx.TxId, _orphans.Count);
        var missing = new List<InventoryItem>();
        foreach (var parent in parents)
            if (!mempool.Pool.Contains(parent) && !_orphans.Contains(parent) && _txRequested.TryAdd(parent, clock.GetUtcNow()))
                missing.Add(new InventoryItem(InventoryItem.MsgWitnessTx, parent));
        return missing;
    }

    /// <summary>Core's ProcessOrphanTx: every orphan spending an accepted transaction is offered again, transitively.</summary>
    private void RetryOrphans(Transaction accepted)
    {
        var work = new Queue<Transaction>([accepted]);
        while (work.TryDequeue(out var parent))
        {
            foreach (var (orphan, from) in _orphans.TakeChildren(parent.TxId))
            {
                var result = mempool.Accept(orphan, testOnly: false);
                if (result.Accepted)
                {
                    LogTxAccepted(log, from, orphan.TxId, mempool.Pool.Count);
                    work.Enqueue(orphan);
                }
                else if (result.Kind == MempoolRejectKind.MissingInputs)
                {
                    _orphans.Add(orphan, from, clock.GetUtcNow());
                }
                else if (result.Kind != MempoolRejectKind.AlreadyInMempool)
                {
                    Reject(orphan, result.Message, from);
                }
            }
        }
    }

    private void Reject(Transaction tx, string reason, long peerId)
    {
        _recentRejects.Add(tx.WTxId);
        if (!tx.HasWitness) _recentRejects.Add(tx.TxId);
        LogTxRejected(log, peerId, tx.TxId, reason);
    }

    /// <summary>Snapshots the mempool and queues what is new since the last tick for every peer that relays transactions.</summary>
    private void CollectMempool()
    {
        if (!node.IsLoaded) return;
        List<(UInt256 WTxId, UInt256 TxId, long FeeRate)> entries;
        using (node.EnterLock())
        {
            miner.FollowTip();
            entries = [.. mempool.Pool.Entries.Select(e => (e.Transaction.WTxId, e.TxId, e.FeeRatePerKvB))];
        }
        var previous = _relayIndex;
        var fresh = entries.Where(e => !previous.ContainsKey(e.WTxId)).ToList();
        _relayIndex = entries.ToDictionary(e => e.WTxId, e => e.TxId);
        if (fresh.Count == 0) return;
        foreach (var peer in _peers.Values)
        {
            if (!peer.Established || !peer.RelaysTransactions) continue;
            foreach (var (wtxid, txid, feeRate) in fresh)
                if (!peer.Knows(wtxid) && !peer.Knows(txid)) peer.TxToAnnounce[wtxid] = (txid, feeRate);
        }
    }

    /// <summary>Sends the peer's queued announcements when its Poisson timer fires (those under its feefilter are dropped).</summary>
    private async Task TrickleAsync(Peer peer, DateTimeOffset now)
    {
        if (peer.TxToAnnounce.Count == 0 || now < peer.NextTxAnnouncement) return;
        var mean = peer.Inbound ? 5.0 : 2.0;
        peer.NextTxAnnouncement = now + TimeSpan.FromSeconds(-Math.Log(1 - Random.Shared.NextDouble()) * mean);
        var items = new List<InventoryItem>();
        foreach (var (wtxid, (txid, feeRate)) in peer.TxToAnnounce.ToList())
        {
            if (items.Count >= MaxInventoryPerTrickle) break;
            peer.TxToAnnounce.Remove(wtxid);
            if (feeRate < peer.FeeFilter || peer.Knows(wtxid) || peer.Knows(txid)) continue;
            peer.MarkKnown(wtxid);
            peer.MarkKnown(txid);
            items.Add(peer.WTxIdRelay ? new InventoryItem(InventoryItem.MsgWTx, wtxid) : new InventoryItem(InventoryItem.MsgTx, txid));
        }
        if (items.Count > 0) await peer.SendAsync("inv", P2PPayloads.Inventory(items)).ConfigureAwait(false);
    }

    /// <summary>The mempool transactions named by getdata (MSG_TX and MSG_WITNESS_TX by txid, MSG_WTX by wtxid).</summary>
    private Dictionary<InventoryItem, Transaction> FindTransactions(IEnumerable<InventoryItem> items)
    {
        var found = new Dictionary<InventoryItem, Transaction>();
        var index = _relayIndex;
        using (node.EnterLock())
        {
            miner.FollowTip();
            foreach (var item in items)
            {
                var txid = item.Type == InventoryItem.MsgWTx ? index.GetValueOrDefault(item.Hash) : item.Hash;
                if (mempool.Pool.TryGet(txid, out var entry) && (item.Type != InventoryItem.MsgWTx || entry.Transaction.WTxId == item.Hash))
                    found[item] = entry.Transaction;
            }
        }
        return found;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Transaction {TxId} from peer {PeerId} accepted to the mempool ({PoolSize} transactions)")]
    private static partial void LogTxAccepted(ILogger logger, long peerId, UInt256 txId, int poolSize);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Transaction {TxId} from peer {PeerId} rejected: {Reason}")]
    private static partial void LogTxRejected(ILogger logger, long peerId, UInt256 txId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Transaction {TxId} from peer {PeerId} is an orphan ({Orphans} orphans)")]
    private static partial void LogOrphan(ILogger logger, long peerId, UInt256 txId, int orphans);
}
