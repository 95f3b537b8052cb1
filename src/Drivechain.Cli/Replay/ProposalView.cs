using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Cli.Replay;

/// <summary>A pending sidechain proposal.</summary>
internal sealed record ProposalView(int Slot, UInt256 DescriptionHash, int Acks, int ProposalHeight);
