using System.Collections.Immutable;
using System.Text.Json;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.Vectors;

public static partial class VectorReader
{
    private static VectorState ReadState(ref Utf8JsonReader reader, string what)
    {
        Expect(ref reader, JsonTokenType.StartObject, what);
        UInt256? tip = null;
        int? height = null;
        ImmutableArray<SidechainView>? sidechains = null;
        ImmutableArray<ProposalView>? proposals = null;
        ImmutableArray<BundleView>? bundles = null;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "tip": tip = ReadHash(ref reader, $"{what}.tip"); break;
                case "height": height = ReadInt(ref reader, $"{what}.height"); break;
                case "sidechains": sidechains = ReadArray(ref reader, $"{what}.sidechains", ReadSidechain); break;
                case "proposals": proposals = ReadArray(ref reader, $"{what}.proposals", ReadProposal); break;
                case "bundles": bundles = ReadArray(ref reader, $"{what}.bundles", ReadBundle); break;
                default: reader.Skip(); break;
            }
        }
        return new VectorState(
            tip ?? throw Missing(what, "tip"),
            height ?? throw Missing(what, "height"),
            sidechains ?? throw Missing(what, "sidechains"),
            proposals ?? throw Missing(what, "proposals"),
            bundles ?? throw Missing(what, "bundles"));
    }

    private delegate T ElementReader<T>(ref Utf8JsonReader reader, string what);

    private static ImmutableArray<T> ReadArray<T>(ref Utf8JsonReader reader, string what, ElementReader<T> element)
    {
        Expect(ref reader, JsonTokenType.StartArray, what);
        var items = ImmutableArray.CreateBuilder<T>();
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray) break;
            items.Add(element(ref reader, $"{what}[{items.Count}]"));
        }
        return items.DrainToImmutable();
    }

    private static SidechainView ReadSidechain(ref Utf8JsonReader reader, string what)
    {
        Expect(ref reader, JsonTokenType.StartObject, what);
        int? slot = null, activationHeight = null;
        string? description = null;
        CtipView? ctip = null;
        var ctipSeen = false;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "slot": slot = ReadInt(ref reader, $"{what}.slot"); break;
                case "descriptionHex": description = ReadString(ref reader, $"{what}.descriptionHex").ToLowerInvariant(); break;
                case "activationHeight": activationHeight = ReadInt(ref reader, $"{what}.activationHeight"); break;
                case "ctip":
                    ctipSeen = true;
                    ctip = reader.TokenType == JsonTokenType.Null ? null : ReadCtip(ref reader, $"{what}.ctip");
                    break;
                default: reader.Skip(); break;
            }
        }
        if (!ctipSeen) throw Missing(what, "ctip");
        return new SidechainView(slot ?? throw Missing(what, "slot"), description ?? throw Missing(what, "descriptionHex"),
            activationHeight ?? throw Missing(what, "activationHeight"), ctip);
    }

    private static CtipView ReadCtip(ref Utf8JsonReader reader, string what)
    {
        Expect(ref reader, JsonTokenType.StartObject, what);
        UInt256? txid = null;
        long? vout = null, value = null;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "txid": txid = ReadHash(ref reader, $"{what}.txid"); break;
                case "vout": vout = ReadLong(ref reader, $"{what}.vout"); break;
                case "value": value = ReadLong(ref reader, $"{what}.value"); break;
                default: reader.Skip(); break;
            }
        }
        return new CtipView(txid ?? throw Missing(what, "txid"), (uint)(vout ?? throw Missing(what, "vout")),
            value ?? throw Missing(what, "value"));
    }

    private static ProposalView ReadProposal(ref Utf8JsonReader reader, string what)
    {
        Expect(ref reader, JsonTokenType.StartObject, what);
        int? slot = null, acks = null, height = null;
        UInt256? hash = null;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "slot": slot = ReadInt(ref reader, $"{what}.slot"); break;
                case "descriptionHash": hash = ReadHash(ref reader, $"{what}.descriptionHash"); break;
                case "acks": acks = ReadInt(ref reader, $"{what}.acks"); break;
                case "proposalHeight": height = ReadInt(ref reader, $"{what}.proposalHeight"); break;
                default: reader.Skip(); break;
            }
        }
        return new ProposalView(slot ?? throw Missing(what, "slot"), hash ?? throw Missing(what, "descriptionHash"),
            acks ?? throw Missing(what, "acks"), height ?? throw Missing(what, "proposalHeight"));
    }

    private static BundleView ReadBundle(ref Utf8JsonReader reader, string what)
    {
        Expect(ref reader, JsonTokenType.StartObject, what);
        int? slot = null, acks = null, height = null;
        UInt256? m6id = null;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "slot": slot = ReadInt(ref reader, $"{what}.slot"); break;
                case "m6id": m6id = ReadHash(ref reader, $"{what}.m6id"); break;
                case "acks": acks = ReadInt(ref reader, $"{what}.acks"); break;
                case "proposalHeight": height = ReadInt(ref reader, $"{what}.proposalHeight"); break;
                default: reader.Skip(); break;
            }
        }
        return new BundleView(slot ?? throw Missing(what, "slot"), m6id ?? throw Missing(what, "m6id"),
            acks ?? throw Missing(what, "acks"), height ?? throw Missing(what, "proposalHeight"));
    }

    private static VectorFormatException Missing(string what, string field) => new($"{what}: missing \"{field}\"");
}
