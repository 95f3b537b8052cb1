using Drivechain.Bitcoin.Validation;

namespace Drivechain.Node.Chain;

/// <summary>The ancestry of a block being validated, as the base rules see it (median time past by height).</summary>
internal sealed class ChainHistory(BlockIndex parent) : IChainHistory
{
    public uint GetMedianTimePast(int height) =>
        (parent.GetAncestor(height) ?? throw new ArgumentOutOfRangeException(nameof(height), height, $"not an ancestor height of {parent}")).GetMedianTimePast();
}
