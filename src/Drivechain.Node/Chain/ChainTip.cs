using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Chain;

/// <summary>
/// One tip of the block tree (Core's getchaintips entry). BranchLength = blocks from the tip down to the
/// fork with the active chain (0 for the active tip).
/// </summary>
public sealed record ChainTip(UInt256 Hash, int Height, int BranchLength, ChainTipStatus Status)
{
    /// <summary>Core's status string: "active", "valid-fork", "valid-headers" or "invalid".</summary>
    public string StatusText => Status switch
    {
        ChainTipStatus.Active => "active",
        ChainTipStatus.ValidFork => "valid-fork",
        ChainTipStatus.ValidHeaders => "valid-headers",
        _ => "invalid",
    };
}
