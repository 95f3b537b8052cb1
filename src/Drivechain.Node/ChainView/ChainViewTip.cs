using Drivechain.Consensus.State;

namespace Drivechain.Node.ChainView;

/// <summary>The last validated block of a chain view and the drivechain state after it.</summary>
public sealed record ChainViewTip(ChainViewHeader Header, DrivechainState State);
