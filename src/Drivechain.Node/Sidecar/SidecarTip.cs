using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.State;

namespace Drivechain.Node.Sidecar;

/// <summary>The sidecar's tip: the last block of Core's chain it has validated, and the drivechain state after it.</summary>
public sealed record SidecarTip(int Height, UInt256 Hash, DrivechainState State);
