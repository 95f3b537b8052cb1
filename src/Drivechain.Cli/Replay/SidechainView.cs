namespace Drivechain.Cli.Replay;

/// <summary>An active sidechain.</summary>
internal sealed record SidechainView(int Slot, string DescriptionHex, int ActivationHeight, CtipView? Ctip);
