using System.Collections.Immutable;

namespace Drivechain.Testing.Chains;

/// <summary>An active sidechain in the generator's model.</summary>
public sealed record ModelSidechain(byte Slot, ImmutableArray<byte> Description, int ActivationHeight);
