using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Mining;

/// <summary>
/// <c>&lt;chain datadir&gt;/miner-policy.json</c>: the queued proposals, explicit ACKs, received bundles, votes and BMM
/// choices, so a restart keeps proposing and paying what sidechains handed over (the enforcer keeps these in its
/// database). The ack-all switch is configuration, not stored here.
/// </summary>
internal static partial class MinerPolicyFile
{
    public const string FileName = "miner-policy.json";

    /// <summary>Source-generated (no reflection: the node is published as NativeAOT).</summary>
    [JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(Dto))]
    private sealed partial class Json : JsonSerializerContext;

    internal sealed class Dto
    {
        public List<SlotBytes> Proposals { get; set; } = [];
        public Dictionary<byte, string> Acks { get; set; } = [];
        public List<SlotBytes> Bundles { get; set; } = [];
        public Dictionary<byte, string> Votes { get; set; } = [];
        public Dictionary<byte, string> Bmm { get; set; } = [];
    }

    internal sealed record SlotBytes(byte Slot, string Hex);

    public static void Save(string path, MinerPolicy policy)
    {
        var dto = new Dto
        {
            Proposals = [.. policy.QueuedProposals.Select(p => new SlotBytes(p.Slot, Convert.ToHexStringLower(p.Description.AsSpan())))],
            Acks = policy.ExplicitAcks.ToDictionary(kv => kv.Key, kv => kv.Value.ToString()),
            Bundles = [.. policy.Bundles.Select(b => new SlotBytes(b.Slot, b.Blinded.ToHex()))],
            Votes = policy.Votes.ToDictionary(kv => kv.Key, kv => kv.Value switch
            {
                BundleVote.Abstain => "abstain",
                BundleVote.Alarm => "alarm",
                BundleVote.Upvote u => u.M6Id.ToString(),
                _ => "default",
            }),
            Bmm = policy.BmmChoices.ToDictionary(kv => kv.Key, kv => kv.Value switch
            {
                BmmChoice.None => "none",
                BmmChoice.Only o => DrivechainJson.RawHex(o.SidechainBlockHash),
                _ => "best",
            }),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(dto, Json.Default.Dto));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Restores a saved policy into <paramref name="policy"/>; a missing file is an empty policy.</summary>
    public static void Load(string path, MinerPolicy policy)
    {
        if (!File.Exists(path)) return;
        var dto = JsonSerializer.Deserialize(File.ReadAllText(path), Json.Default.Dto)
            ?? throw new InvalidDataException($"{path} is empty");
        foreach (var p in dto.Proposals) policy.QueueProposal(new M1ProposeSidechain(p.Slot, [.. Convert.FromHexString(p.Hex)]));
        foreach (var (slot, hash) in dto.Acks) policy.SetAck(slot, UInt256.Parse(hash));
        foreach (var b in dto.Bundles)
        {
            if (!TransactionDecoding.TryDecodeHex(b.Hex, out var blinded)) throw new InvalidDataException($"{path}: bundle does not decode");
            policy.AddBundle(new ReceivedBundle(b.Slot, blinded));
        }
        foreach (var (slot, vote) in dto.Votes)
            policy.SetVote(slot, vote switch
            {
                "abstain" => new BundleVote.Abstain(),
                "alarm" => new BundleVote.Alarm(),
                "default" => new BundleVote.Default(),
                _ => new BundleVote.Upvote(new M6Id(UInt256.Parse(vote))),
            });
        foreach (var (slot, choice) in dto.Bmm)
            policy.SetBmmChoice(slot, choice switch
            {
                "none" => new BmmChoice.None(),
                "best" => new BmmChoice.BestPaying(),
                _ => new BmmChoice.Only(new UInt256(Convert.FromHexString(choice))),
            });
    }
}
