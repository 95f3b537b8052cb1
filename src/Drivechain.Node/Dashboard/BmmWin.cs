using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Dashboard;

/// <summary>A slot BMM'd by a block: the accepted commitment h* (M7) and the fee of the M8 request that won, when found.</summary>
public readonly record struct BmmWin(byte Slot, UInt256 SidechainBlockHash, long? BidSatoshis);
