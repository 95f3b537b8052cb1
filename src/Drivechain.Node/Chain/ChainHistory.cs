using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Node.Chain;

/// <summary>
/// The ancestry of a block being validated, as the base rules and the difficulty rules see it: the chain
/// ending at <paramref name="parent"/>.
/// </summary>
internal sealed class ChainHistory(BlockIndex parent) : IChainHistory, IHeaderAncestry
{
#pragma warning disable CS9124 // the cursor starts at the parent
    private BlockIndex _cursor = parent;
#pragma warning restore CS9124

    public uint GetMedianTimePast(int height) => At(height).GetMedianTimePast();

    public UInt256 GetBlockHash(int height) => At(height).Hash;

    public PowHeader GetAncestor(int height)
    {
        var index = At(height);
        return new PowHeader(index.Height, index.Header.Time, index.Header.Bits);
    }

    // Lookups usually walk backwards (difficulty rules step down one height at a time): start from the last
    // answer when it is above the height asked for, so such a walk costs O(1) per step instead of O(distance).
    private BlockIndex At(int height)
    {
        var start = height <= _cursor.Height ? _cursor : parent;
        _cursor = start.GetAncestor(height) ?? throw new ArgumentOutOfRangeException(nameof(height), height, $"not an ancestor height of {parent}");
        return _cursor;
    }
}
