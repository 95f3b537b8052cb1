using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Validation;

/// <summary>
/// Read access to the blocks below the one being connected, on the chain it extends (heights 0 … height − 1).
/// </summary>
public interface IChainHistory
{
    /// <summary>
    /// The median time past of the block at <paramref name="height"/>: the median of its own time and the times of
    /// its ten predecessors (fewer near genesis), as Core's CBlockIndex::GetMedianTimePast.
    /// </summary>
    uint GetMedianTimePast(int height);

    /// <summary>The hash of the block at <paramref name="height"/> (used for the BIP30/BIP34 exemption).</summary>
    UInt256 GetBlockHash(int height);
}
