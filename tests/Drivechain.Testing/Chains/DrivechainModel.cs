using System.Collections.Immutable;

namespace Drivechain.Testing.Chains;

/// <summary>
/// The generator's own account of the drivechain state after a block (spec §3), immutable and structurally shared
/// between blocks so any earlier block can be forked from. It follows the honest flows the generator produces; the
/// consensus library is the judge (tests compare the two).
/// </summary>
public sealed record DrivechainModel(
    ImmutableSortedDictionary<byte, ModelSidechain> Active,
    ImmutableList<ModelProposal> Proposals,
    ImmutableSortedDictionary<byte, ImmutableList<ModelBundle>> Pending,
    ImmutableSortedDictionary<byte, ModelCtip> Ctips)
{
    /// <summary>No proposals, sidechains or CTIPs.</summary>
    public static DrivechainModel Empty { get; } = new(
        ImmutableSortedDictionary<byte, ModelSidechain>.Empty, [],
        ImmutableSortedDictionary<byte, ImmutableList<ModelBundle>>.Empty, ImmutableSortedDictionary<byte, ModelCtip>.Empty);

    /// <summary>The pending bundles of a slot (empty when none or inactive).</summary>
    public ImmutableList<ModelBundle> PendingOf(byte slot) => Pending.TryGetValue(slot, out var list) ? list : [];

    /// <summary>The CTIP of a slot, or null.</summary>
    public ModelCtip? CtipOf(byte slot) => Ctips.TryGetValue(slot, out var ctip) ? ctip : null;
}
