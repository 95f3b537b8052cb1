using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.ChainView;

/// <summary>A block header with its height.</summary>
public sealed record ChainViewHeader(int Height, BlockHeader Header)
{
    /// <summary>The block's hash.</summary>
    public UInt256 Hash => Header.Hash;
}
