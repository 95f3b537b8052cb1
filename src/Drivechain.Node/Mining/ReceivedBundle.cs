using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;

namespace Drivechain.Node.Mining;

/// <summary>A withdrawal bundle received from a sidechain in blinded form (no inputs, output 0 = fee OP_RETURN).</summary>
public sealed record ReceivedBundle(byte Slot, Transaction Blinded)
{
    public M6Id M6Id => M6Id.OfBlinded(Blinded);
}
