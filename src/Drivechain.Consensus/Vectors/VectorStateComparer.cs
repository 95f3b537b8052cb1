using System.Collections.Immutable;

namespace Drivechain.Consensus.Vectors;

/// <summary>Compares an expected state object with the node's, field by field, in the spec's array order.</summary>
public static class VectorStateComparer
{
    /// <summary>Every difference as a line <c>field: expected X, node has Y</c>; empty when equal.</summary>
    public static ImmutableArray<string> Compare(VectorState expected, VectorState actual)
    {
        var differences = ImmutableArray.CreateBuilder<string>();
        if (expected.Tip != actual.Tip) differences.Add($"tip: expected {expected.Tip}, node has {actual.Tip}");
        if (expected.Height != actual.Height) differences.Add($"height: expected {expected.Height}, node has {actual.Height}");
        CompareArrays(differences, "sidechains", expected.Sidechains, actual.Sidechains, CompareSidechain);
        CompareArrays(differences, "proposals", expected.Proposals, actual.Proposals, CompareProposal);
        CompareArrays(differences, "bundles", expected.Bundles, actual.Bundles, CompareBundle);
        return differences.DrainToImmutable();
    }

    private static void CompareArrays<T>(ImmutableArray<string>.Builder differences, string name,
        ImmutableArray<T> expected, ImmutableArray<T> actual, Action<ImmutableArray<string>.Builder, string, T, T> element)
    {
        if (expected.Length != actual.Length)
            differences.Add($"{name}: expected {expected.Length} entries, node has {actual.Length}");
        for (int i = 0; i < Math.Min(expected.Length, actual.Length); i++)
            element(differences, $"{name}[{i}]", expected[i], actual[i]);
    }

    private static void CompareSidechain(ImmutableArray<string>.Builder d, string at, SidechainView e, SidechainView a)
    {
        Field(d, at, "slot", e.Slot, a.Slot);
        Field(d, at, "descriptionHex", e.DescriptionHex, a.DescriptionHex);
        Field(d, at, "activationHeight", e.ActivationHeight, a.ActivationHeight);
        if (e.Ctip is null || a.Ctip is null)
        {
            if (e.Ctip != a.Ctip) d.Add($"{at}.ctip: expected {Describe(e.Ctip)}, node has {Describe(a.Ctip)}");
            return;
        }
        Field(d, at, "ctip.txid", e.Ctip.TxId, a.Ctip.TxId);
        Field(d, at, "ctip.vout", e.Ctip.Vout, a.Ctip.Vout);
        Field(d, at, "ctip.value", e.Ctip.Value, a.Ctip.Value);
    }

    private static void CompareProposal(ImmutableArray<string>.Builder d, string at, ProposalView e, ProposalView a)
    {
        Field(d, at, "slot", e.Slot, a.Slot);
        Field(d, at, "descriptionHash", e.DescriptionHash, a.DescriptionHash);
        Field(d, at, "acks", e.Acks, a.Acks);
        Field(d, at, "proposalHeight", e.ProposalHeight, a.ProposalHeight);
    }

    private static void CompareBundle(ImmutableArray<string>.Builder d, string at, BundleView e, BundleView a)
    {
        Field(d, at, "slot", e.Slot, a.Slot);
        Field(d, at, "m6id", e.M6Id, a.M6Id);
        Field(d, at, "acks", e.Acks, a.Acks);
        Field(d, at, "proposalHeight", e.ProposalHeight, a.ProposalHeight);
    }

    private static void Field<T>(ImmutableArray<string>.Builder d, string at, string field, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
            d.Add($"{at}.{field}: expected {expected}, node has {actual}");
    }

    private static string Describe(CtipView? ctip) => ctip is null ? "null" : $"{ctip.TxId}:{ctip.Vout} ({ctip.Value} sat)";
}
