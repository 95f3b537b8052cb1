using System.Collections.Immutable;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;

namespace Drivechain.Cli.Replay;

/// <summary>Translation between the consensus library's types and the vectors' view (parameters in, state out).</summary>
internal static class DrivechainStateView
{
    /// <summary>The network's drivechain parameters with the vector's threshold and activation overrides.</summary>
    public static bool TryCreateParams(Network network, VectorParams vector, out DrivechainParams? parameters, out string? error)
    {
        var p = DrivechainParams.ForNetwork(network.Name);
        if (vector.ActivationHeight is { } activation)
        {
            if (activation < 0) { parameters = null; error = "params.activationHeight must not be negative"; return false; }
            p = p with { ActivationHeight = activation };
        }
        // TODO(h-consensus): apply vector.Thresholds once DrivechainParams carries them.
        parameters = p;
        error = null;
        return true;
    }

    /// <summary>The vectors' state object for the active tip.</summary>
    public static ReplayState ToReplayState(UInt256 tip, int height, DrivechainState state)
    {
        // TODO(h-consensus): read sidechains, proposals and bundles from the state's query API.
        _ = state;
        return new ReplayState(tip, height, ImmutableArray<SidechainView>.Empty, ImmutableArray<ProposalView>.Empty, ImmutableArray<BundleView>.Empty);
    }
}
