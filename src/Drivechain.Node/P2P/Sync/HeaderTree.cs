using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;

namespace Drivechain.Node.P2P.Sync;

/// <summary>
/// The headers peers announced beyond the blocks we store (Core keeps them in its block index; our chain stores a block
/// only with its data, so the P2P layer keeps them here). Not thread-safe: the <see cref="BlockDownloadScheduler"/>
/// guards it. The chain's entries are looked up through a callback so the tree never takes the chain lock itself.
/// </summary>
public sealed class HeaderTree
{
    private readonly Dictionary<UInt256, HeaderNode> _nodes = [];

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
        if (Best is null || node.ChainWork > Best.ChainWork) Best = node;
        return node;
    }
}
