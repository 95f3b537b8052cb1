using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Node.Chain;

/// <summary>
/// The chain a block being validated extends, as the base stages and the difficulty rules see it: the parent and
/// its ancestry.
/// </summary>
internal sealed class ChainHistory : IBlockParent, IChainHistory, IHeaderAncestry
{
    private readonly BlockIndex _parent;
    // The difficulty rules walk down one height at a time: continue from the last answer when possible.
    private BlockIndex _cursor;

    public ChainHistory(BlockIndex parent)
    {
        _parent = parent;
        _cursor = parent;
    }

    public int Height => _parent.Height;

    public uint Time => _parent.Header.Time;

    public IChainHistory History => this;

    public uint GetMedianTimePast() => _parent.GetMedianTimePast();

    /// <summary>
    /// Core's GetNextWorkRequired, with the minimum-difficulty walk (within a period, a block not more than 20 minutes
    /// after its parent takes the bits of the last block that did not use the limit) answered from
    /// <see cref="BlockIndex.MinDifficultyWalkBits"/>.
    /// </summary>
    public uint GetNextWorkRequired(uint time, Network network)
    {
        if ((_parent.Height + 1) % network.DifficultyAdjustmentInterval != 0 && network.PowAllowMinDifficultyBlocks
            && time <= (long)_parent.Header.Time + network.PowTargetSpacing * 2)
            return _parent.MinDifficultyWalkBits;
        var last = new PowHeader(_parent.Height, _parent.Header.Time, _parent.Header.Bits);
        return network.GetNextWorkRequired(last, time, this);
    }

    public uint GetMedianTimePast(int height) => At(height).GetMedianTimePast();

    public UInt256 GetBlockHash(int height) => At(height).Hash;

    public PowHeader GetAncestor(int height)
    {
        var index = At(height);
        return new PowHeader(index.Height, index.Header.Time, index.Header.Bits);
    }

    private BlockIndex At(int height)
    {
        var from = height <= _cursor.Height ? _cursor : _parent;
        _cursor = from.GetAncestor(height) ?? throw new ArgumentOutOfRangeException(nameof(height), height, $"not an ancestor height of {_parent}");
        return _cursor;
    }
}
