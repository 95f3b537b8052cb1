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
    public uint GetMedianTimePast(int height) => At(height).GetMedianTimePast();

    public UInt256 GetBlockHash(int height) => At(height).Hash;

    public PowHeader GetAncestor(int height)
    {
        var index = At(height);
        return new PowHeader(index.Height, index.Header.Time, index.Header.Bits);
    }

    private BlockIndex At(int height) =>
        parent.GetAncestor(height) ?? throw new ArgumentOutOfRangeException(nameof(height), height, $"not an ancestor height of {parent}");
}
