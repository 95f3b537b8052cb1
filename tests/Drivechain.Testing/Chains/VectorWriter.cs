using System.Text.Json;

namespace Drivechain.Testing.Chains;

/// <summary>Writes a generator's log as a <c>drivechain-vectors/1</c> file (vectors-format.md).</summary>
public static class VectorWriter
{
    /// <summary>
    /// Writes every block of <paramref name="generator"/>'s log. A <c>state</c> object (the generator's model of the
    /// active tip) goes with every <paramref name="stateEvery"/>-th block, every rejected block and the last block
    /// (0: only rejected blocks and the last).
    /// </summary>
    public static void Write(Stream stream, ChainGenerator generator, string name, string description, int stateEvery = 1)
    {
        using var json = new Utf8JsonWriter(stream);
        var options = generator.Options;
        json.WriteStartObject();
        json.WriteString("format", "drivechain-vectors/1");
        json.WriteString("name", name);
        json.WriteString("description", description);
        json.WriteStartObject("params");
        json.WriteString("network", options.Network.Name);
        json.WriteStartObject("thresholds");
        var t = options.Thresholds;
        json.WriteNumber("withdrawalBundleMaxAge", t.WithdrawalBundleMaxAge);
        json.WriteNumber("withdrawalBundleInclusionThreshold", t.WithdrawalBundleInclusionThreshold);
        json.WriteNumber("usedSlotProposalMaxAge", t.UsedSlotProposalMaxAge);
        json.WriteNumber("usedSlotActivationThreshold", t.UsedSlotActivationThreshold);
        json.WriteNumber("unusedSlotProposalMaxAge", t.UnusedSlotProposalMaxAge);
        json.WriteNumber("unusedSlotActivationThreshold", t.UnusedSlotActivationThreshold);
        json.WriteEndObject();
        json.WriteNumber("activationHeight", 0);
        json.WriteEndObject();
        json.WriteStartArray("blocks");
        var log = generator.Log;
        for (int i = 0; i < log.Count; i++)
        {
            var entry = log[i];
            json.WriteStartObject();
            json.WriteString("hex", Convert.ToHexStringLower(entry.Block.ToBytes()));
            json.WriteString("expect", entry.ExpectAccept ? "accept" : "reject");
            if (!entry.ExpectAccept && entry.Code is not null) json.WriteString("code", entry.Code);
            if (entry.Note is not null) json.WriteString("note", entry.Note);
            if (!entry.ExpectAccept || i == log.Count - 1 || (stateEvery > 0 && (i + 1) % stateEvery == 0))
                WriteState(json, entry.BestAfter);
            json.WriteEndObject();
            if (json.BytesPending > 1 << 20) json.Flush();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes the file at <paramref name="path"/>.</summary>
    public static void WriteFile(string path, ChainGenerator generator, string name, string description, int stateEvery = 1)
    {
        using var stream = File.Create(path);
        Write(stream, generator, name, description, stateEvery);
    }

    /// <summary>The state object of vectors-format.md for the chain ending at <paramref name="tip"/>, from its consensus state.</summary>
    public static void WriteState(Utf8JsonWriter json, GeneratedBlock tip)
    {
        var state = tip.State;
        json.WriteStartObject("state");
        json.WriteString("tip", tip.Hash.ToString());
        json.WriteNumber("height", tip.Height);
        json.WriteStartArray("sidechains");
        foreach (var sidechain in state.ActiveSidechains)
        {
            json.WriteStartObject();
            json.WriteNumber("slot", sidechain.Slot);
            json.WriteString("descriptionHex", Convert.ToHexStringLower(sidechain.Description.AsSpan()));
            json.WriteNumber("activationHeight", sidechain.ActivationHeight);
            if (state.GetCtip(sidechain.Slot) is { } ctip)
            {
                json.WriteStartObject("ctip");
                json.WriteString("txid", ctip.OutPoint.TxId.ToString());
                json.WriteNumber("vout", ctip.OutPoint.Index);
                json.WriteNumber("value", ctip.Value.Satoshis);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("ctip");
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("proposals");
        foreach (var proposal in state.Proposals)
        {
            json.WriteStartObject();
            json.WriteNumber("slot", proposal.Slot);
            json.WriteString("descriptionHash", proposal.DescriptionHash.ToString());
            json.WriteNumber("acks", proposal.Acks);
            json.WriteNumber("proposalHeight", proposal.ProposalHeight);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("bundles");
        foreach (var (slot, bundle) in state.AllPendingBundles)
        {
            json.WriteStartObject();
            json.WriteNumber("slot", slot);
            json.WriteString("m6id", bundle.M6Id.Hash.ToString());
            json.WriteNumber("acks", bundle.Acks);
            json.WriteNumber("proposalHeight", bundle.ProposalHeight);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
