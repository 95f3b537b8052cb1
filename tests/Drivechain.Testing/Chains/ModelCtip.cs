using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Testing.Chains;

/// <summary>A slot's CTIP in the generator's model.</summary>
public sealed record ModelCtip(OutPoint OutPoint, long Value);
