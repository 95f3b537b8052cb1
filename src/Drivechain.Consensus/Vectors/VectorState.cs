using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Vectors;

/// <summary>
/// The drivechain view as the vectors describe it (vectors-format.md "State object"): tip, height and the three
/// arrays in the spec's order. Both the expected state of a vector and what a validator or node reports use it;
/// compare two with <see cref="VectorStateComparer"/>.
/// </summary>
/// <param name="Tip">The hash of the tip block.</param>
/// <param name="Height">The tip's height.</param>
/// <param name="Sidechains">The active sidechains, by slot.</param>
/// <param name="Proposals">The pending sidechain proposals, in the state's order.</param>
/// <param name="Bundles">The pending withdrawal bundles, by slot then in the state's order.</param>
public sealed record VectorState(
    UInt256 Tip,
    int Height,
    ImmutableArray<SidechainView> Sidechains,
    ImmutableArray<ProposalView> Proposals,
    ImmutableArray<BundleView> Bundles)
{
    /// <summary>The vectors' state object for a drivechain state at <paramref name="tip"/> (arrays in slot order, then list order).</summary>
    public static VectorState From(UInt256 tip, int height, DrivechainState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sidechains = ImmutableArray.CreateBuilder<SidechainView>();
        foreach (var sidechain in state.ActiveSidechains)
        {
            var ctip = state.GetCtip(sidechain.Slot) is { } c ? new CtipView(c.OutPoint.TxId, c.OutPoint.Index, c.Value.Satoshis) : null;
            sidechains.Add(new SidechainView(sidechain.Slot, Convert.ToHexStringLower(sidechain.Description.AsSpan()), sidechain.ActivationHeight, ctip));
        }
        var proposals = ImmutableArray.CreateBuilder<ProposalView>();
        foreach (var proposal in state.Proposals)
            proposals.Add(new ProposalView(proposal.Slot, proposal.DescriptionHash, proposal.Acks, proposal.ProposalHeight));
        var bundles = ImmutableArray.CreateBuilder<BundleView>();
        foreach (var (slot, bundle) in state.AllPendingBundles)
            bundles.Add(new BundleView(slot, bundle.M6Id.Hash, bundle.Acks, bundle.ProposalHeight));
        return new VectorState(tip, height, sidechains.DrainToImmutable(), proposals.DrainToImmutable(), bundles.DrainToImmutable());
    }
}
