using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Mining;

/// <summary>Which BMM request (M8) of a slot the miner accepts with an M7.</summary>
public abstract record BmmChoice
{
    private BmmChoice() { }

    /// <summary>The best-paying request (highest absolute fee) naming the tip (enforcer default).</summary>
    public sealed record BestPaying : BmmChoice;

    /// <summary>Accept no request for this slot.</summary>
    public sealed record None : BmmChoice;

    /// <summary>Accept only the request committing to this sidechain block hash.</summary>
    public sealed record Only(UInt256 SidechainBlockHash) : BmmChoice;
}
