using System.Numerics;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;

namespace Drivechain.Node.P2P.Sync;

/// <summary>
/// Core's parallel block download (net_processing's FindNextBlocksToDownload and its timeouts): the headers peers
/// announce go into a <see cref="HeaderTree"/>; each peer is asked for the next blocks of its best header chain that
/// nobody is fetching, at most <see cref="MaxBlocksInTransitPerPeer"/> at a time and no further than
/// <see cref="BlockDownloadWindow"/> blocks beyond the last block we share with it. A peer that holds up the window (we
/// could fetch more from an idle peer if the window were one block larger) is a staller: after
/// <see cref="StallingTimeout"/> (2 s, doubled after each staller up to 64 s, easing back as blocks arrive) it is
/// disconnected and its blocks go to others. A block in flight longer than the download timeout (one block interval
/// plus half an interval per other downloading peer) disconnects its peer too. Blocks that arrive before their parent are
/// parked until it connects. Thread-safe: one lock; the chain is read under it (never the other way round).
/// </summary>
public sealed class BlockDownloadScheduler(ChainManager chain)
{
    /// <summary>Core's MAX_BLOCKS_IN_TRANSIT_PER_PEER.</summary>
    public const int MaxBlocksInTransitPerPeer = 16;

    /// <summary>Core's BLOCK_DOWNLOAD_WINDOW.</summary>
    public const int BlockDownloadWindow = 1024;

    /// <summary>Core's BLOCK_STALLING_TIMEOUT_DEFAULT and _MAX.</summary>
    public static readonly TimeSpan StallingTimeoutDefault = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan StallingTimeoutMax = TimeSpan.FromSeconds(64);

    /// <summary>Core's BLOCK_DOWNLOAD_TIMEOUT_BASE and _PER_PEER, in block intervals.</summary>
    public const double DownloadTimeoutBase = 1.0;

    public const double DownloadTimeoutPerPeer = 0.5;

    private readonly Lock _lock = new();
    private readonly HeaderTree _tree = new();
    private readonly Dictionary<long, PeerDownloadState> _peers = [];
    private readonly Dictionary<UInt256, long> _inFlight = [];
    private readonly Dictionary<UInt256, List<ParkedBlock>> _parkedByParent = [];
    private readonly HashSet<UInt256> _parked = [];
    private readonly HeaderNode[] _walk = new HeaderNode[WalkChunk];

    // Core walks a peer's chain 128 headers at a time (FindNextBlocks).
    private const int WalkChunk = 128;

    /// <summary>Core's -minimumchainwork: no block is fetched from a peer whose best header chain has less work.</summary>
    public BigInteger MinimumChainWork { get; init; }

    /// <summary>How long a staller may hold up the window before it is disconnected (Core's m_block_stalling_timeout).</summary>
    public TimeSpan StallingTimeout { get; private set; } = StallingTimeoutDefault;

    /// <summary>The most-work header announced by any peer (null before the first).</summary>
    public HeaderNode? BestHeader
    {
        get { lock (_lock) return _tree.Best; }
    }

    /// <summary>Blocks requested and not yet received, over all peers.</summary>
    public int BlocksInFlight
    {
        get { lock (_lock) return _inFlight.Count; }
    }

    /// <summary>Blocks received before their parent, waiting for it.</summary>
    public int ParkedBlocks
    {
        get { lock (_lock) return _parked.Count; }
    }

    /// <summary>The blocks in flight from <paramref name="peerId"/>.</summary>
    public IReadOnlyList<UInt256> InFlightFrom(long peerId)
    {
        lock (_lock) return _peers.TryGetValue(peerId, out var state) ? [.. state.InFlight] : [];
    }

    /// <summary>Whether <paramref name="hash"/> is requested from some peer or already downloaded and parked.</summary>
    public bool IsRequestedOrParked(UInt256 hash)
    {
        lock (_lock) return _inFlight.ContainsKey(hash) || _parked.Contains(hash);
    }

    /// <summary>Whether <paramref name="hash"/> is a header we keep (announced by a peer, its block not necessarily here).</summary>
    public bool KnowsHeader(UInt256 hash)
    {
        lock (_lock) return _tree.Get(hash) is not null;
    }

    /// <summary>The kept header <paramref name="hash"/>, or null.</summary>
    public HeaderNode? HeaderTreeNode(UInt256 hash)
    {
        lock (_lock) return _tree.Get(hash);
    }

    /// <summary>
    /// Adds a peer's header (its parent must be a kept header or <paramref name="chainParent"/>) and makes it the peer's best
    /// known header when it has more work. Returns the node, or null when the parent is unknown.
    /// </summary>
    public HeaderNode? AddHeader(long peerId, BlockHeader header, BlockIndex? chainParent)
    {
        lock (_lock)
        {
            var node = _tree.Add(header, chainParent);
            if (node is null) return null;
            var state = State(peerId);
            if (state.BestKnown is null || node.ChainWork > state.BestKnown.ChainWork) state.BestKnown = node;
            return node;
        }
    }

    /// <summary>
    /// The next blocks to request from <paramref name="peerId"/> (marked in flight from it; the caller sends getdata).
    /// When none can be given because another peer holds up the window, that peer starts stalling.
    /// </summary>
    public IReadOnlyList<UInt256> Assign(long peerId, DateTimeOffset now)
    {
        lock (_lock)
        {
            var state = State(peerId);
            var wanted = MaxBlocksInTransitPerPeer - state.InFlight.Count;
            if (wanted <= 0) return [];
            var blocks = FindNextBlocks(state, peerId, wanted, out var staller);
            foreach (var hash in blocks)
            {
                _inFlight[hash] = peerId;
                state.InFlight.Add(hash);
                if (state.InFlight.Count == 1) state.DownloadingSince = now;
            }
            if (state.InFlight.Count == 0 && staller is { } stalling && _peers.TryGetValue(stalling, out var stallerState))
                stallerState.StallingSince ??= now;
            return blocks;
        }
    }

    // Core's FindNextBlocksToDownload: walks the peer's best chain from the last block we share with it.
    private List<UInt256> FindNextBlocks(PeerDownloadState state, long peerId, int wanted, out long? staller)
    {
        staller = null;
        var result = new List<UInt256>();
        var best = state.BestKnown;
        var tip = chain.Tip;
        if (best is null || best.ChainWork < tip.ChainWork || best.ChainWork < MinimumChainWork) return result;

        var lastCommon = Math.Min(tip.Height, best.Height);
        while (lastCommon > 0 && best.AncestorHash(lastCommon) != chain.GetBlockHash(lastCommon)) lastCommon--;
        var windowEnd = lastCommon + BlockDownloadWindow;
        var maxHeight = Math.Min(best.Height, windowEnd + 1);
        // Forward from the last common block in chunks, as Core does (a chunk is found from its top with the skip
        // pointers and filled downwards): no walk over the whole window for the one or two blocks a call usually wants.
        long? waitingFor = null;
        for (var from = lastCommon + 1; from <= maxHeight; from += WalkChunk)
        {
            var count = 0;
            for (var walk = best.AncestorNode(Math.Min(maxHeight, from + WalkChunk - 1)); walk is not null && walk.Height >= from; walk = walk.Parent)
                _walk[count++] = walk;
            for (var i = count - 1; i >= 0; i--)
            {
                var node = _walk[i];
                if (_parked.Contains(node.Hash)) continue;
                if (_inFlight.TryGetValue(node.Hash, out var owner))
                {
                    if (owner != peerId) waitingFor ??= owner;
                    continue;
                }
                if (chain.GetBlockIndex(node.Hash) is { } stored)
                {
                    if (stored.IsFailed) return result;   // nothing beyond an invalid block is worth fetching
                    if (stored.HasData) continue;
                }
                if (node.Height > windowEnd)
                {
                    // Nothing to fetch, but there would be if the window were one larger: whoever holds its start stalls us.
                    if (result.Count == 0 && waitingFor is { } w && w != peerId) staller = w;
                    return result;
                }
                result.Add(node.Hash);
                if (result.Count == wanted) return result;
            }
        }
        return result;
    }

    /// <summary>
    /// A block arrived from <paramref name="peerId"/>: it is no longer in flight (from whichever peer); the sender stops
    /// stalling. Returns whether the block had been requested from anyone.
    /// </summary>
    public bool Received(long peerId, UInt256 hash, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_inFlight.Remove(hash, out var owner)) return false;
            if (_peers.TryGetValue(owner, out var ownerState))
            {
                var wasFirst = ownerState.InFlight.Count > 0 && ownerState.InFlight[0] == hash;
                ownerState.InFlight.Remove(hash);
                if (wasFirst && now > ownerState.DownloadingSince) ownerState.DownloadingSince = now;
            }
            if (_peers.TryGetValue(peerId, out var sender)) sender.StallingSince = null;
            // Core eases the stalling timeout back towards its default as blocks arrive.
            if (StallingTimeout > StallingTimeoutDefault)
                StallingTimeout = TimeSpan.FromTicks(Math.Max(StallingTimeoutDefault.Ticks, (long)(StallingTimeout.Ticks * 0.85)));
            return true;
        }
    }

    /// <summary>The peer answered notfound: those blocks are free for others.</summary>
    public void NotFound(long peerId, IEnumerable<UInt256> hashes)
    {
        lock (_lock)
        {
            if (!_peers.TryGetValue(peerId, out var state)) return;
            foreach (var hash in hashes)
                if (_inFlight.TryGetValue(hash, out var owner) && owner == peerId && _inFlight.Remove(hash)) state.InFlight.Remove(hash);
        }
    }

    /// <summary>Parks a block whose parent is missing when it belongs to a header chain we download (false otherwise).</summary>
    public bool TryPark(Block block, long peerId)
    {
        lock (_lock)
        {
            if (_tree.Get(block.Hash) is null || !_parked.Add(block.Hash)) return false;
            if (!_parkedByParent.TryGetValue(block.Header.PreviousBlockHash, out var children))
                _parkedByParent.Add(block.Header.PreviousBlockHash, children = []);
            children.Add(new ParkedBlock(block, peerId));
            return true;
        }
    }

    /// <summary>The chain stores <paramref name="stored"/> now: its header node is no longer needed (<see cref="HeaderTree.Forget"/>).</summary>
    public void Stored(BlockIndex stored)
    {
        lock (_lock) _tree.Forget(stored);
    }

    /// <summary>Takes the parked blocks waiting for <paramref name="parent"/> (it was just stored).</summary>
    public IReadOnlyList<ParkedBlock> TakeChildren(UInt256 parent)
    {
        lock (_lock)
        {
            if (!_parkedByParent.Remove(parent, out var children)) return [];
            foreach (var child in children) _parked.Remove(child.Block.Hash);
            return children;
        }
    }

    /// <summary>Forgets a disconnected peer: its blocks in flight are free for others.</summary>
    public void RemovePeer(long peerId)
    {
        lock (_lock)
        {
            if (!_peers.Remove(peerId, out var state)) return;
            foreach (var hash in state.InFlight)
                if (_inFlight.TryGetValue(hash, out var owner) && owner == peerId) _inFlight.Remove(hash);
        }
    }

    /// <summary>
    /// Core's SendMessages checks: peers that stalled the window longer than <see cref="StallingTimeout"/> (which then
    /// doubles, up to 64 s) and peers whose oldest block in flight passed the download timeout. The caller disconnects them.
    /// </summary>
    public IReadOnlyList<StalledPeer> FindStallers(DateTimeOffset now, TimeSpan blockInterval)
    {
        lock (_lock)
        {
            var result = new List<StalledPeer>();
            var downloading = _peers.Values.Count(p => p.InFlight.Count > 0);
            foreach (var (peerId, state) in _peers)
            {
                if (state.StallingSince is { } since && now - since > StallingTimeout)
                {
                    result.Add(new StalledPeer(peerId, $"stalling block download (timeout {StallingTimeout.TotalSeconds:0} s)"));
                    StallingTimeout = TimeSpan.FromTicks(Math.Min(StallingTimeoutMax.Ticks, StallingTimeout.Ticks * 2));
                    continue;
                }
                var timeout = blockInterval * (DownloadTimeoutBase + DownloadTimeoutPerPeer * Math.Max(0, downloading - 1));
                if (state.InFlight.Count > 0 && now > state.DownloadingSince + timeout)
                    result.Add(new StalledPeer(peerId, $"timeout downloading block {state.InFlight[0]}"));
            }
            return result;
        }
    }

    private PeerDownloadState State(long peerId)
    {
        if (!_peers.TryGetValue(peerId, out var state)) _peers.Add(peerId, state = new PeerDownloadState());
        return state;
    }
}
