using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.P2P;

/// <summary>
/// Core's m_lazy_recent_rejects: hashes (wtxid, and txid for transactions without witness) the mempool refused, so they
/// are neither downloaded nor validated again. Two generations of <see cref="Capacity"/>/2 (the oldest is dropped when
/// the newest fills up), reset on every new tip as Core does. Thread-safe.
/// </summary>
public sealed class RecentRejects
{
    /// <summary>Core's filter size: 120,000 entries.</summary>
    public const int Capacity = 120_000;

    private readonly Lock _lock = new();
    private HashSet<UInt256> _current = [];
    private HashSet<UInt256> _previous = [];

    public void Add(UInt256 hash)
    {
        lock (_lock)
        {
            if (_current.Count >= Capacity / 2)
            {
                _previous = _current;
                _current = [];
            }
            _current.Add(hash);
        }
    }

    public bool Contains(UInt256 hash)
    {
        lock (_lock) return _current.Contains(hash) || _previous.Contains(hash);
    }

    public void Reset()
    {
        lock (_lock)
        {
            _current = [];
            _previous = [];
        }
    }
}
