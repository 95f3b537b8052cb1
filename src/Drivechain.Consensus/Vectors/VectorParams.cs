using System.Diagnostics.CodeAnalysis;

namespace Drivechain.Consensus.Vectors;

/// <summary>A vector's <c>params</c>: base network, optional threshold overrides, activation height.</summary>
/// <param name="Network">Core's chain name ("main", "test", "testnet4", "signet" or "regtest").</param>
/// <param name="Thresholds">Threshold overrides, or null for the network's defaults.</param>
/// <param name="ActivationHeight">The drivechain activation height, or null for the network's default.</param>
public sealed record VectorParams(string Network, VectorThresholds? Thresholds, int? ActivationHeight)
{
    /// <summary>
    /// The network's drivechain parameters (<see cref="DrivechainParams.ForNetwork"/>) with this vector's threshold and
    /// activation overrides; false with a message for an unknown network or a negative value.
    /// </summary>
    public bool TryCreateParams([NotNullWhen(true)] out DrivechainParams? parameters, [NotNullWhen(false)] out string? error)
    {
        parameters = null;
        if (!Bitcoin.Networks.Network.TryFromName(Network, out _))
        {
            error = $"unknown network \"{Network}\" (expected main, test, testnet4, signet or regtest)";
            return false;
        }
        var p = DrivechainParams.ForNetwork(Network);
        if (ActivationHeight is { } activation)
        {
            if (activation < 0) { error = "params.activationHeight must not be negative"; return false; }
            p = p with { ActivationHeight = activation };
        }
        if (Thresholds is { } t)
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
}
