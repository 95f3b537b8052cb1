using System.Numerics;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;

namespace Drivechain.Node.P2P.Sync;

/// <summary>
/// One header a peer announced, kept by the <see cref="HeaderTree"/> until its block is stored (then the chain's
/// <see cref="BlockIndex"/> holds it: <see cref="HeaderTree.Forget"/>). Its parent is another node, or — for the first
/// header above blocks we already store, and for a forgotten node — the chain's entry of its parent (<see cref="Anchor"/>).
/// </summary>
public sealed class HeaderNode
{
    internal HeaderNode(BlockHeader header, HeaderNode? parent, BlockIndex? anchor)
    {
        Header = header;
        Parent = parent;
        Anchor = parent is null ? anchor : null;
        Height = parent?.Height + 1 ?? anchor!.Height + 1;
        ChainWork = (parent?.ChainWork ?? anchor!.ChainWork) + header.Work;
        // A jump to the ancestor whose height has this height's lowest set bit cleared: ancestors in O(log² n) steps.
        var skipHeight = Height & (Height - 1);
        Skip = parent is null || skipHeight == Height - 1 ? null : parent.AncestorNode(skipHeight);
    }

    /// <summary>The header.</summary>
    public BlockHeader Header { get; }

    /// <summary>The block hash.</summary>
    public UInt256 Hash => Header.Hash;

    /// <summary>The parent node (null when the parent is a block of the chain: see <see cref="Anchor"/>).</summary>
    public HeaderNode? Parent { get; private set; }

    /// <summary>For the first node above the chain's stored blocks and for a forgotten node: the chain's entry of its parent.</summary>
    public BlockIndex? Anchor { get; private set; }

    /// <summary>Height (genesis = 0).</summary>
    public int Height { get; }

    /// <summary>Total work of the chain up to and including this header.</summary>
    public BigInteger ChainWork { get; }

    private HeaderNode? Skip { get; set; }

    /// <summary>
    /// The block is stored: its ancestors are the chain's from now on (<paramref name="chainParent"/> is the chain's entry of
    /// the parent). The links to other nodes are cut, so whoever still holds this node holds no ancestor nodes with it.
    /// </summary>
    internal void Detach(BlockIndex chainParent)
    {
        Parent = null;
        Skip = null;
        Anchor = chainParent;
    }

    /// <summary>The hash of the ancestor at <paramref name="height"/> (this node's at its own), or null above it.</summary>
    public UInt256? AncestorHash(int height)
    {
        if (height > Height || height < 0) return null;
        var node = AncestorNode(height);
        if (node is not null) return node.Hash;
        var root = this;
        while (root.Parent is not null) root = root.Parent;
        return root.Anchor!.GetAncestor(height)?.Hash;
    }

    /// <summary>The ancestor node at <paramref name="height"/>, or null when that height is below this branch of the tree.</summary>
    public HeaderNode? AncestorNode(int height)
    {
        if (height > Height) return null;
        var walk = this;
        while (walk.Height > height)
        {
            if (walk.Skip is { } skip && skip.Height >= height) walk = skip;
            else if (walk.Parent is { } parent) walk = parent;
            else return null;
        }
        return walk;
    }

    /// <summary>The display hash and height.</summary>
    public override string ToString() => $"{Hash} @{Height}";
}
