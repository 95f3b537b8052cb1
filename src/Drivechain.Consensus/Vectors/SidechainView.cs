namespace Drivechain.Consensus.Vectors;

/// <summary>An active sidechain.</summary>
/// <param name="Slot">The sidechain slot.</param>
/// <param name="DescriptionHex">The description bytes in lower-case hex.</param>
/// <param name="ActivationHeight">The height the sidechain activated at.</param>
/// <param name="Ctip">The treasury output, or null before the first deposit.</param>
public sealed record SidechainView(int Slot, string DescriptionHex, int ActivationHeight, CtipView? Ctip);
