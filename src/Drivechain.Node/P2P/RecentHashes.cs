using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.P2P;

/// <summary>
/// The hashes seen most recently, at most <see cref="Capacity"/>: two generations of half of it, the oldest dropped when
/// the newest fills up. What Core keeps in rolling filters: the mempool's recent rejects (m_lazy_recent_rejects, reset on
/// every new tip) and the blocks a peer is known to have. Thread-safe.
/// </summary>
public sealed class RecentHashes(int capacity)
{
    private readonly Lock _lock = new();
    private HashSet<UInt256> _current = [];
    private HashSet<UInt256> _previous = [];

    /// <summary>The most hashes kept.</summary>
    public int Capacity { get; } = capacity >= 2 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "at least 2");

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
