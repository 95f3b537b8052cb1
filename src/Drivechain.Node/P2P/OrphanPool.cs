using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.P2P;

/// <summary>
/// Core's TxOrphanage: transactions whose inputs are unknown, kept until a parent arrives. Bounded as Core: at most
/// <see cref="MaxOrphans"/> (a random one is evicted past it), none over <see cref="MaxOrphanWeight"/>, each expiring after
/// <see cref="Expiry"/>, and forgotten when the peer that sent them disconnects. Thread-safe.
/// </summary>
public sealed class OrphanPool
{
    /// <summary>Core's DEFAULT_MAX_ORPHAN_TRANSACTIONS.</summary>
    public const int MaxOrphans = 100;

    /// <summary>Core's bound on one orphan: MAX_STANDARD_TX_WEIGHT.</summary>
    public const int MaxOrphanWeight = 400_000;

    /// <summary>Core's ORPHAN_TX_EXPIRE_TIME.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(20);

    private readonly Lock _lock = new();
    private readonly Dictionary<UInt256, Orphan> _byWTxId = [];
    private readonly Dictionary<UInt256, HashSet<UInt256>> _byParent = [];   // parent txid → wtxids of orphans spending it

    public int Count
    {
        get { lock (_lock) return _byWTxId.Count; }
    }

    public bool Contains(UInt256 wtxidOrTxId)
    {
        lock (_lock) return _byWTxId.ContainsKey(wtxidOrTxId) || _byWTxId.Values.Any(o => o.Transaction.TxId == wtxidOrTxId);
    }

    /// <summary>Adds an orphan from <paramref name="peerId"/>; false when it is too heavy or already there.</summary>
    public bool Add(Transaction tx, long peerId, DateTimeOffset now)
    {
        if (tx.Weight > MaxOrphanWeight) return false;
        lock (_lock)
        {
            if (_byWTxId.ContainsKey(tx.WTxId)) return false;
            _byWTxId[tx.WTxId] = new Orphan(tx, peerId, now + Expiry);
            foreach (var input in tx.Inputs)
            {
                if (!_byParent.TryGetValue(input.PrevOut.TxId, out var children)) _byParent[input.PrevOut.TxId] = children = [];
                children.Add(tx.WTxId);
            }
            return true;
        }
    }

    /// <summary>The orphans spending an output of <paramref name="parentTxId"/> (removed from the pool: the caller retries them).</summary>
    public List<(Transaction Transaction, long PeerId)> TakeChildren(UInt256 parentTxId)
    {
        lock (_lock)
        {
            if (!_byParent.TryGetValue(parentTxId, out var children)) return [];
            var taken = children.Select(w => _byWTxId[w]).Select(o => (o.Transaction, o.PeerId)).ToList();
            foreach (var (tx, _) in taken) RemoveLocked(tx.WTxId);
            return taken;
        }
    }

    /// <summary>Forgets the orphans a disconnected peer sent (Core's EraseForPeer).</summary>
    public int EraseForPeer(long peerId)
    {
        lock (_lock) return RemoveWhere(o => o.PeerId == peerId);
    }

    /// <summary>Drops expired orphans, then random ones until at most <see cref="MaxOrphans"/> remain (Core's LimitOrphans).</summary>
    public int Limit(DateTimeOffset now, Random random)
    {
        lock (_lock)
        {
            var removed = RemoveWhere(o => o.ExpiresAt <= now);
            while (_byWTxId.Count > MaxOrphans)
            {
                RemoveLocked(_byWTxId.Keys.ElementAt(random.Next(_byWTxId.Count)));
                removed++;
            }
            return removed;
        }
    }

    private int RemoveWhere(Func<Orphan, bool> predicate)
    {
        var doomed = _byWTxId.Where(o => predicate(o.Value)).Select(o => o.Key).ToList();
        foreach (var wtxid in doomed) RemoveLocked(wtxid);
        return doomed.Count;
    }

    private void RemoveLocked(UInt256 wtxid)
    {
        if (!_byWTxId.Remove(wtxid, out var orphan)) return;
        foreach (var input in orphan.Transaction.Inputs)
        {
            if (!_byParent.TryGetValue(input.PrevOut.TxId, out var children)) continue;
            children.Remove(wtxid);
            if (children.Count == 0) _byParent.Remove(input.PrevOut.TxId);
        }
    }

    private sealed record Orphan(Transaction Transaction, long PeerId, DateTimeOffset ExpiresAt);
}
