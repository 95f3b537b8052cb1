using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Node.Mining;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Rpc.Methods;

public sealed partial class DrivechainRpcMethods
{
    private IEnumerable<RpcMethod> PolicyMethods()
    {
        yield return new RpcMethod("proposesidechain", "Drivechain",
            [SlotArg, RpcArg.Req("title", RpcArgType.String, "Sidechain title (UTF-8, at most 255 bytes)"),
             RpcArg.Opt("description", RpcArgType.String, "Free text", "\"\""),
             RpcArg.Opt("hashid1", RpcArgType.Hex, "32-byte hash ID 1", "zeros"),
             RpcArg.Opt("hashid2", RpcArgType.Hex, "20-byte hash ID 2", "zeros"),
             RpcArg.Opt("raw_description", RpcArgType.Hex, "Use these bytes as the description instead (opaque to consensus)")],
            "Queues an M1 sidechain proposal for this node's next blocks (spec §10).",
            "{ \"slot\", \"description\", \"description_hash\", \"queued\" }", (call, ct) => ctx.LockedAsync(() => Propose(call), ct));
        yield return new RpcMethod("setsidechainack", "Drivechain",
            [SlotArg, RpcArg.Opt("description_hash", RpcArgType.Hex, "The proposal to ACK (M2) in this slot; omit to clear the explicit ACK")],
            "Sets (or clears) the proposal this node ACKs for a slot in its blocks.", "null",
            (call, ct) => ctx.LockedAsync(() => SetAck(call), ct));
        yield return new RpcMethod("setackallproposals", "Drivechain", [RpcArg.Req("enabled", RpcArgType.Boolean, "ACK every proposal and vote on bundles by default")],
            "Turns the miner's ack-all policy on or off (default on, as the enforcer).", "null",
            (call, ct) => ctx.LockedAsync(() => { ctx.Policy.AckAllProposals = call.Params.GetBoolean("enabled", true); return null; }, ct));
        yield return new RpcMethod("receivewithdrawalbundle", "Drivechain",
            [SlotArg, RpcArg.Req("hexstring", RpcArgType.Hex, "The blinded M6: no inputs, output 0 = OP_RETURN <8-byte big-endian fee> with value 0, then the payouts")],
            "Receives a withdrawal bundle from a sidechain: the node proposes it (M3), votes for it and pays it out (M6) once approved.",
            "{ \"m6id\", \"slot\" }", (call, ct) => ctx.LockedAsync(() => ReceiveBundle(call), ct));
        yield return new RpcMethod("setbundlevote", "Drivechain",
            [SlotArg, RpcArg.Req("vote", RpcArgType.String, "\"default\" (upvote the leading bundle), \"abstain\", \"alarm\", or an M6ID to upvote")],
            "Sets this node's M4 vote for a slot.", "null", (call, ct) => ctx.LockedAsync(() => SetVote(call), ct));
        yield return new RpcMethod("setbmmchoice", "Drivechain",
            [SlotArg, RpcArg.Req("choice", RpcArgType.String, "\"best\" (highest-fee request, default), \"none\", or h* (raw hex) to accept only that request")],
            "Chooses which BMM request (M8) of a slot this node accepts with an M7.", "null",
            (call, ct) => ctx.LockedAsync(() => SetBmmChoice(call), ct));
        yield return new RpcMethod("getminerpolicy", "Drivechain", [],
            "Shows what this node's blocks will carry: queued proposals, ACKs, received bundles, votes, BMM choices.",
            "{ \"ack_all_proposals\", \"queued_proposals\", \"acks\", \"bundles\", \"votes\", \"bmm_choices\" }",
            (_, ct) => ctx.LockedAsync(PolicyJson, ct));
    }

    private JsonObject Propose(RpcCall call)
    {
        var slot = Slot(call);
        byte[] description;
        if (call.Params.GetOptionalString("raw_description") is { } raw)
        {
            description = RpcHex.ParseHex(raw, "raw_description");
        }
        else
        {
            var hashId1 = call.Params.GetOptionalString("hashid1") is { } h1 ? RpcHex.ParseHex(h1, "hashid1") : new byte[32];
            var hashId2 = call.Params.GetOptionalString("hashid2") is { } h2 ? RpcHex.ParseHex(h2, "hashid2") : new byte[20];
            if (hashId1.Length != 32 || hashId2.Length != 20) throw new RpcException(RpcErrorCode.InvalidParameter, "hashid1 must be 32 bytes and hashid2 20 bytes");
            description = DrivechainJson.BuildDescription(call.Params.GetString("title"), call.Params.GetOptionalString("description") ?? "", hashId1, hashId2);
        }
        var m1 = new M1ProposeSidechain(slot, [.. description]);
        var queued = ctx.Policy.QueueProposal(m1);
        return new JsonObject
        {
            ["slot"] = slot,
            ["description"] = Convert.ToHexStringLower(description),
            ["description_hash"] = m1.DescriptionHash.ToString(),
            ["queued"] = queued,
        };
    }

    private JsonNode? SetAck(RpcCall call)
    {
        var slot = Slot(call);
        if (call.Params.GetOptionalString("description_hash") is { } text)
        {
            var hash = RpcHex.ParseHash(text, "description_hash");
            if (!ctx.Chain.TipDrivechainState.GetProposals(slot).Any(x => x.DescriptionHash == hash))
                throw new RpcException(RpcErrorCode.InvalidParameter, $"no pending proposal {text} in slot {slot}");
            ctx.Policy.SetAck(slot, hash);
        }
        else
        {
            ctx.Policy.ClearAck(slot);
        }
        return null;
    }

    private JsonObject ReceiveBundle(RpcCall call)
    {
        var slot = Slot(call);
        var hex = call.Params.GetString("hexstring");
        if (!TransactionDecoding.TryDecodeHex(hex, out var blinded))
            throw new RpcException(RpcErrorCode.DeserializationError, "TX decode failed");
        if (!blinded.Inputs.IsEmpty) throw new RpcException(RpcErrorCode.InvalidParameter, "a blinded M6 has no inputs");
        if (blinded.Outputs.Length < 2 || blinded.Outputs[0].Value.Satoshis != 0 || blinded.Outputs[0].ScriptPubKey.Length != 10
            || blinded.Outputs[0].ScriptPubKey.Span[0] != 0x6a || blinded.Outputs[0].ScriptPubKey.Span[1] != 0x08)
            throw new RpcException(RpcErrorCode.InvalidParameter, "output 0 must be OP_RETURN <8-byte fee> with value 0, followed by at least one payout");
        if (blinded.Outputs.Skip(1).Sum(o => o.Value.Satoshis) <= 0) throw new RpcException(RpcErrorCode.InvalidParameter, "the bundle pays out nothing");
        var state = ctx.Chain.TipDrivechainState;
        if (!state.IsActive(slot)) throw new RpcException(RpcErrorCode.InvalidParameter, $"slot {slot} has no active sidechain");
        if (state.GetCtip(slot) is null) throw new RpcException(RpcErrorCode.InvalidParameter, $"slot {slot} has no treasury (CTIP) yet");
        var bundle = new ReceivedBundle(slot, blinded);
        ctx.Policy.AddBundle(bundle);
        return new JsonObject { ["m6id"] = bundle.M6Id.ToString(), ["slot"] = slot };
    }

    private JsonNode? SetVote(RpcCall call)
    {
        var slot = Slot(call);
        var text = call.Params.GetString("vote");
        BundleVote vote = text switch
        {
            "default" => new BundleVote.Default(),
            "abstain" => new BundleVote.Abstain(),
            "alarm" => new BundleVote.Alarm(),
            _ => new BundleVote.Upvote(new M6Id(RpcHex.ParseHash(text, "vote"))),
        };
        ctx.Policy.SetVote(slot, vote);
        return null;
    }

    private JsonNode? SetBmmChoice(RpcCall call)
    {
        var slot = Slot(call);
        var text = call.Params.GetString("choice");
        BmmChoice choice = text switch
        {
            "best" => new BmmChoice.BestPaying(),
            "none" => new BmmChoice.None(),
            _ => new BmmChoice.Only(DrivechainJson.ParseRawHash(text, "choice")),
        };
        ctx.Policy.SetBmmChoice(slot, choice);
        return null;
    }

    private JsonNode PolicyJson()
    {
        var policy = ctx.Policy;
        return new JsonObject
        {
            ["ack_all_proposals"] = policy.AckAllProposals,
            ["queued_proposals"] = new JsonArray([.. policy.QueuedProposals.Select(p => (JsonNode?)new JsonObject
            {
                ["slot"] = p.Slot, ["description_hash"] = p.DescriptionHash.ToString(),
            })]),
            ["acks"] = new JsonObject(policy.ExplicitAcks.ToDictionary(kv => kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv => (JsonNode?)kv.Value.ToString())),
            ["bundles"] = new JsonArray([.. policy.Bundles.Select(b => (JsonNode?)new JsonObject { ["slot"] = b.Slot, ["m6id"] = b.M6Id.ToString() })]),
            ["votes"] = new JsonObject(policy.Votes.ToDictionary(kv => kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv => (JsonNode?)(kv.Value switch
            {
                BundleVote.Abstain => "abstain",
                BundleVote.Alarm => "alarm",
                BundleVote.Upvote u => u.M6Id.ToString(),
                _ => "default",
            }))),
            ["bmm_choices"] = new JsonObject(policy.BmmChoices.ToDictionary(kv => kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv => (JsonNode?)(kv.Value switch
            {
                BmmChoice.None => "none",
                BmmChoice.Only o => DrivechainJson.RawHex(o.SidechainBlockHash),
                _ => "best",
            }))),
        };
    }
}
