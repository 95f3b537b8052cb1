using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Tests.Vectors;

/// <summary>Renders a state as the vectors-format.md "state" object.</summary>
internal static class VectorStateJson
{
    public static JsonObject Render(DrivechainState state, UInt256 tip, int height)
    {
        var sidechains = new JsonArray();
        foreach (var sc in state.ActiveSidechains)
        {
            var ctip = state.GetCtip(sc.Slot);
            sidechains.Add(new JsonObject
            {
                ["slot"] = sc.Slot,
                ["descriptionHex"] = Convert.ToHexStringLower(sc.Description.AsSpan()),
                ["activationHeight"] = sc.ActivationHeight,
                ["ctip"] = ctip is { } c
                    ? new JsonObject { ["txid"] = c.OutPoint.TxId.ToString(), ["vout"] = c.OutPoint.Index, ["value"] = c.Value.Satoshis }
                    : null,
            });
        }
        var proposals = new JsonArray();
        foreach (var p in state.Proposals)
            proposals.Add(new JsonObject
            {
                ["slot"] = p.Slot,
                ["descriptionHash"] = p.DescriptionHash.ToString(),
                ["acks"] = p.Acks,
                ["proposalHeight"] = p.ProposalHeight,
            });
        var bundles = new JsonArray();
        foreach (var (slot, b) in state.AllPendingBundles)
            bundles.Add(new JsonObject
            {
                ["slot"] = slot,
                ["m6id"] = b.M6Id.ToString(),
                ["acks"] = b.Acks,
                ["proposalHeight"] = b.ProposalHeight,
            });
        return new JsonObject
        {
            ["tip"] = tip.ToString(),
            ["height"] = height,
            ["sidechains"] = sidechains,
            ["proposals"] = proposals,
            ["bundles"] = bundles,
        };
    }
}
