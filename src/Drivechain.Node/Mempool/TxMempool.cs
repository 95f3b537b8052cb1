using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Mempool;

/// <summary>
/// The set of unconfirmed transactions: by txid, by wtxid, by spent outpoint, with parent/child links. Not
/// thread-safe: callers hold the chain lock (<see cref="Hosting.NodeChain.EnterLock"/>).
/// </summary>
public sealed class TxMempool
{
    private readonly Dictionary<UInt256, MempoolEntry> _byTxId = [];
    private readonly Dictionary<UInt256, MempoolEntry> _byWTxId = [];
    private readonly Dictionary<OutPoint, MempoolEntry> _spentBy = [];
    private long _nextSequence;

    public int Count => _byTxId.Count;

    public long TotalVirtualSize { get; private set; }

    public long TotalFees { get; private set; }

    /// <summary>Every entry in the order it entered the pool.</summary>
    public IEnumerable<MempoolEntry> Entries => _byTxId.Values.OrderBy(e => e.Sequence);

    public long NextSequence() => _nextSequence++;

    public bool TryGet(UInt256 txid, out MempoolEntry entry) => _byTxId.TryGetValue(txid, out entry!);

    public bool ContainsWTxId(UInt256 wtxid) => _byWTxId.ContainsKey(wtxid);

    public bool Contains(UInt256 txid) => _byTxId.ContainsKey(txid);

    /// <summary>The pool transaction spending <paramref name="outPoint"/>, if any.</summary>
    public MempoolEntry? SpenderOf(OutPoint outPoint) => _spentBy.GetValueOrDefault(outPoint);

    /// <summary>An output created by a pool transaction (whether or not another pool transaction spends it).</summary>
    public bool TryGetOutput(OutPoint outPoint, out TxOut output)
    {
        if (_byTxId.TryGetValue(outPoint.TxId, out var entry) && outPoint.Index < entry.Transaction.Outputs.Length)
        {
            output = entry.Transaction.Outputs[(int)outPoint.Index];
            return true;
        }
        output = null!;
        return false;
    }

    public void Add(MempoolEntry entry)
    {
        _byTxId.Add(entry.TxId, entry);
        _byWTxId[entry.Transaction.WTxId] = entry;
        foreach (var input in entry.Transaction.Inputs)
        {
            _spentBy[input.PrevOut] = entry;
            if (_byTxId.TryGetValue(input.PrevOut.TxId, out var parent))
            {
                entry.Parents.Add(parent);
                parent.Children.Add(entry);
            }
        }
        TotalVirtualSize += entry.VirtualSize;
        TotalFees += entry.Fee.Satoshis;
    }

    /// <summary>Removes one entry (its children stay and lose the link); use <see cref="RemoveWithDescendants"/> normally.</summary>
    public void Remove(MempoolEntry entry)
    {
        if (!_byTxId.Remove(entry.TxId)) return;
        _byWTxId.Remove(entry.Transaction.WTxId);
        foreach (var input in entry.Transaction.Inputs)
            if (_spentBy.TryGetValue(input.PrevOut, out var spender) && spender == entry) _spentBy.Remove(input.PrevOut);
        foreach (var parent in entry.Parents) parent.Children.Remove(entry);
        foreach (var child in entry.Children) child.Parents.Remove(entry);
        TotalVirtualSize -= entry.VirtualSize;
        TotalFees -= entry.Fee.Satoshis;
    }

    /// <summary>Removes the entry and everything that spends it, returning what was removed.</summary>
    public List<MempoolEntry> RemoveWithDescendants(MempoolEntry entry)
    {
        var removed = GetDescendants(entry, includeSelf: true);
        foreach (var e in removed) Remove(e);
        return removed;
    }

    public List<MempoolEntry> GetAncestors(MempoolEntry entry, bool includeSelf = false) => Walk(entry, e => e.Parents, includeSelf);

    public List<MempoolEntry> GetDescendants(MempoolEntry entry, bool includeSelf = false) => Walk(entry, e => e.Children, includeSelf);

    public void Clear()
    {
        _byTxId.Clear();
        _byWTxId.Clear();
        _spentBy.Clear();
        TotalVirtualSize = 0;
        TotalFees = 0;
    }

    private static List<MempoolEntry> Walk(MempoolEntry start, Func<MempoolEntry, IEnumerable<MempoolEntry>> next, bool includeSelf)
    {
        var seen = new HashSet<MempoolEntry> { start };
        var order = new List<MempoolEntry>();
        if (includeSelf) order.Add(start);
        var stack = new Stack<MempoolEntry>(next(start));
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (!seen.Add(e)) continue;
            order.Add(e);
            foreach (var n in next(e)) stack.Push(n);
        }
        return order;
    }
}
