using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Cli.Replay;

/// <summary>A pending withdrawal bundle.</summary>
internal sealed record BundleView(int Slot, UInt256 M6Id, int Acks, int ProposalHeight);
