using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;

namespace Drivechain.Node.P2P.Sync;

/// <summary>
/// The headers peers announced beyond the blocks we store (Core keeps them in its block index; our chain stores a block
/// only with its data, so the P2P layer keeps them here, each until its block is stored: <see cref="Forget"/>). Not
/// thread-safe: the <see cref="BlockDownloadScheduler"/> guards it.
/// </summary>
public sealed class HeaderTree
{
    private readonly Dictionary<UInt256, HeaderNode> _nodes = [];
    private int _highWater;   // the most nodes held since the table was last trimmed

    /// <summary>Headers kept.</summary>
    public int Count => _nodes.Count;

    /// <summary>The most-work header in the tree (null while it is empty).</summary>
    public HeaderNode? Best { get; private set; }

    /// <summary>The node of <paramref name="hash"/>, or null.</summary>
    public HeaderNode? Get(UInt256 hash) => _nodes.GetValueOrDefault(hash);

    /// <summary>
    /// Adds <paramref name="header"/> under its parent — a node of the tree, or <paramref name="chainParent"/> (the chain's
    /// entry of the parent). Returns the node (the existing one when already known), or null when the parent is unknown.
    /// </summary>
    public HeaderNode? Add(BlockHeader header, BlockIndex? chainParent)
    {
        if (_nodes.TryGetValue(header.Hash, out var existing)) return existing;
        var parent = Get(header.PreviousBlockHash);
        if (parent is null && chainParent is null) return null;
        var node = new HeaderNode(header, parent, chainParent);
        _nodes.Add(node.Hash, node);
        _highWater = Math.Max(_highWater, _nodes.Count);
        if (Best is null || node.ChainWork > Best.ChainWork) Best = node;
        return node;
    }

    /// <summary>
    /// Drops the node of a block the chain now stores (<paramref name="stored"/>, whose ancestors it stores too): from here
    /// the chain's entry stands for it, as Core keeps one entry per header. Nodes above it reach its ancestors through the
    /// chain. Without this the tree would hold a second copy of every header ever synced.
    /// </summary>
    public void Forget(BlockIndex stored)
    {
        if (stored.Parent is not { } chainParent || !_nodes.Remove(stored.Hash, out var node)) return;
        node.Detach(chainParent);
        // Once a sync has stored most of what it announced, give back the table it grew to (~87 bytes a header).
        if (_highWater > 1024 && _nodes.Count < _highWater / 4)
        {
            _nodes.TrimExcess();
            _highWater = _nodes.Count;
        }
    }
}
