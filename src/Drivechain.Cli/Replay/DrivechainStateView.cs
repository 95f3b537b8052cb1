using System.Collections.Immutable;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.State;

namespace Drivechain.Cli.Replay;

/// <summary>Translation between the consensus library's types and the vectors' view (parameters in, state out).</summary>
internal static class DrivechainStateView
{
    /// <summary>The network's drivechain parameters with the vector's threshold and activation overrides.</summary>
    public static bool TryCreateParams(Network network, VectorParams vector, out DrivechainParams? parameters, out string? error)
    {
        parameters = null;
        var p = DrivechainParams.ForNetwork(network.Name);
        if (vector.ActivationHeight is { } activation)
        {
            if (activation < 0) { error = "params.activationHeight must not be negative"; return false; }
            p = p with { ActivationHeight = activation };
        }
        if (vector.Thresholds is { } t)
        {
            int?[] values = [t.WithdrawalBundleMaxAge, t.WithdrawalBundleInclusionThreshold, t.UsedSlotProposalMaxAge,
                t.UsedSlotActivationThreshold, t.UnusedSlotProposalMaxAge, t.UnusedSlotActivationThreshold];
            if (values.Any(v => v < 0)) { error = "params.thresholds must not be negative"; return false; }
            p = p with
            {
                WithdrawalBundleMaxAge = t.WithdrawalBundleMaxAge ?? p.WithdrawalBundleMaxAge,
                WithdrawalBundleInclusionThreshold = t.WithdrawalBundleInclusionThreshold ?? p.WithdrawalBundleInclusionThreshold,
                UsedSlotProposalMaxAge = t.UsedSlotProposalMaxAge ?? p.UsedSlotProposalMaxAge,
                UsedSlotActivationThreshold = t.UsedSlotActivationThreshold ?? p.UsedSlotActivationThreshold,
                UnusedSlotProposalMaxAge = t.UnusedSlotProposalMaxAge ?? p.UnusedSlotProposalMaxAge,
                UnusedSlotActivationThreshold = t.UnusedSlotActivationThreshold ?? p.UnusedSlotActivationThreshold,
            };
        }
        parameters = p;
        error = null;
        return true;
    }

    /// <summary>The vectors' state object for the active tip (arrays in slot order, then the state's list order).</summary>
    public static ReplayState ToReplayState(UInt256 tip, int height, DrivechainState state)
    {
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
        return new ReplayState(tip, height, sidechains.DrainToImmutable(), proposals.DrainToImmutable(), bundles.DrainToImmutable());
    }
}
