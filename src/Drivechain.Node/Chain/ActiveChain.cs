using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Chain;

/// <summary>The active chain as a height-indexed list (Core's CChain). Mutated only by the chain manager.</summary>
internal sealed class ActiveChain
{
    private readonly List<BlockIndex> _blocks = [];

    public BlockIndex? Tip => _blocks.Count == 0 ? null : _blocks[^1];

    public int Height => _blocks.Count - 1;

    public BlockIndex? this[int height] => height >= 0 && height < _blocks.Count ? _blocks[height] : null;

    public bool Contains(BlockIndex index) => this[index.Height] == index;

    public bool Contains(UInt256 hash, int height) => this[height]?.Hash == hash;

    /// <summary>Makes <paramref name="tip"/> the tip: the list is rewritten from the fork point.</summary>
    public void SetTip(BlockIndex? tip)
    {
        if (tip is null)
        {
            _blocks.Clear();
            return;
        }
        if (_blocks.Count > tip.Height + 1) _blocks.RemoveRange(tip.Height + 1, _blocks.Count - tip.Height - 1);
        while (_blocks.Count < tip.Height + 1) _blocks.Add(null!);
        for (var walk = tip; walk is not null && _blocks[walk.Height] != walk; walk = walk.Parent) _blocks[walk.Height] = walk;
    }

    /// <summary>The last block of the active chain that is an ancestor of <paramref name="index"/>.</summary>
    public BlockIndex? FindFork(BlockIndex index)
    {
        var walk = index.Height > Height ? index.GetAncestor(Height) : index;
        while (walk is not null && !Contains(walk)) walk = walk.Parent;
        return walk;
    }
}
