using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Node.Chain;

/// <summary>
/// The ancestry of a block being validated, as the base rules and the difficulty rules see it: the chain
/// ending at the parent.
/// </summary>
internal sealed class ChainHistory : IChainHistory, IHeaderAncestry
{
    private readonly BlockIndex _parent;
    // The difficulty rules walk down one height at a time: continue from the last answer when possible.
    private BlockIndex _cursor;

    public ChainHistory(BlockIndex parent)
    {
        _parent = parent;
        _cursor = parent;
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
