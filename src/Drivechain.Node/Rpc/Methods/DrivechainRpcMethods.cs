using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Rpc.Methods;

/// <summary>Drivechain (BIP300/301) RPCs: state queries, decoders, and the miner policy commands. See docs/rpc.md.</summary>
public sealed partial class DrivechainRpcMethods(NodeRpcContext ctx) : IRpcMethodProvider
{
    private static readonly RpcArg SlotArg = RpcArg.Req("slot", RpcArgType.Number, "The sidechain slot (0-255)");

    public IEnumerable<RpcMethod> GetMethods()
    {
        yield return new RpcMethod("listsidechains", "Drivechain", [],
            "Lists the active sidechains with their CTIP (treasury UTXO) and pending bundle count.",
            "[{ \"slot\", \"description\", \"description_hash\", \"declaration\", \"acks\", \"proposal_height\", \"activation_height\", \"ctip\", \"pending_bundles\" }, ...]",
            (_, ct) => ctx.LockedAsync(ListSidechains, ct));
        yield return new RpcMethod("listsidechainproposals", "Drivechain", [],
            "Lists sidechain proposals with their ACK progress towards activation.",
            "[{ \"slot\", \"description_hash\", \"acks\", \"proposal_height\", \"age\", \"used_slot\", \"activation_threshold\", \"max_age\", \"blocks_remaining\" }, ...]",
            (_, ct) => ctx.LockedAsync(ListProposals, ct));
        yield return new RpcMethod("listwithdrawalbundles", "Drivechain", [RpcArg.Opt("slot", RpcArgType.Number, "Only this slot")],
            "Lists pending withdrawal bundles (M6IDs) with ACK progress and blocks remaining before they expire.",
            "[{ \"slot\", \"index\", \"m6id\", \"acks\", \"inclusion_threshold\", \"approved\", \"proposal_height\", \"age\", \"blocks_remaining\", \"received\" }, ...]",
            (call, ct) => ctx.LockedAsync(() => ListBundles(call), ct));
        yield return new RpcMethod("getctip", "Drivechain", [SlotArg],
            "Returns the CTIP (current treasury UTXO) of a slot, or null when it has none.", "{ \"txid\", \"vout\", \"value\", \"seq\" } or null",
            (call, ct) => ctx.LockedAsync(() => GetCtip(call), ct));
        yield return new RpcMethod("listtreasuryhistory", "Drivechain", [SlotArg],
            "Lists the deposits (M5) and withdrawals (M6) of a slot: every treasury UTXO it ever had, oldest first.",
            "[{ \"seq\", \"kind\", \"txid\", \"vout\", \"amount\", \"total_value\", \"previous_total_value\" }, ...]",
            (call, ct) => ctx.LockedAsync(() => TreasuryHistory(call), ct));
        yield return new RpcMethod("decodedrivechainmessage", "Drivechain", [RpcArg.Req("hexscript", RpcArgType.Hex, "A scriptPubKey (coinbase message, treasury, deposit address or M8)")],
            "Decodes a BIP300/301 script: M1, M2, M3, M4, M7 coinbase messages, M8 BMM requests, treasury and deposit-address outputs.",
            "{ \"type\", \"name\", ... }", DecodeMessage);
        yield return new RpcMethod("computem6id", "Drivechain",
            [RpcArg.Req("hexstring", RpcArgType.Hex, "An M6 transaction, or a blinded M6 (no inputs)"),
             RpcArg.Opt("ctip_value", RpcArgType.Amount, "Value of the CTIP the M6 spends (BTC); required for an unblinded M6")],
            "Computes the M6ID (blinded txid) of a withdrawal transaction (spec §4.7.2).", "{ \"m6id\", \"fee_total\", \"blinded\" }", ComputeM6Id);
        yield return new RpcMethod("createbmmrequestscript", "Drivechain",
            [SlotArg, RpcArg.Req("sidechain_block_hash", RpcArgType.Hex, "h*: 32 bytes, raw order"),
             RpcArg.Opt("prev_mainchain_block_hash", RpcArgType.Hex, "The mainchain block the request is for", "the current tip")],
            "Returns the 70-byte M8 script (output 0 of a BMM request transaction; the bid is the transaction fee).", "\"hex\"",
            (call, ct) => ctx.LockedAsync(() => BmmScript(call), ct));
        foreach (var method in PolicyMethods()) yield return method;
    }

    private static byte Slot(RpcCall call, string name = "slot")
    {
        var value = call.Params.GetInt64(name);
        return value is >= 0 and <= 255 ? (byte)value : throw new RpcException(RpcErrorCode.InvalidParameter, "slot must be between 0 and 255");
    }

    private JsonNode ListSidechains()
    {
        var state = ctx.Chain.TipDrivechainState;
        var result = new JsonArray();
        foreach (var sidechain in state.ActiveSidechains.OrderBy(s => s.Slot))
        {
            var ctip = state.GetCtip(sidechain.Slot);
            result.Add((JsonNode)new JsonObject
            {
                ["slot"] = sidechain.Slot,
                ["description"] = Convert.ToHexStringLower(sidechain.Description.AsSpan()),
                ["description_hash"] = sidechain.DescriptionHash.ToString(),
                ["declaration"] = DrivechainJson.ParseDescription(sidechain.Description.AsSpan()),
                ["acks"] = sidechain.Acks,
                ["proposal_height"] = sidechain.ProposalHeight,
                ["activation_height"] = sidechain.ActivationHeight,
                ["ctip"] = ctip is { } c ? CtipJson(sidechain.Slot, c) : null,
                ["pending_bundles"] = state.GetPendingBundles(sidechain.Slot).Length,
            });
        }
        return result;
    }

    private JsonObject CtipJson(byte slot, Consensus.State.Ctip ctip)
    {
        var history = ctx.Chain.TipDrivechainState.GetTreasuryHistory(slot);
        return new JsonObject
        {
            ["txid"] = ctip.OutPoint.TxId.ToString(),
            ["vout"] = ctip.OutPoint.Index,
            ["value"] = RpcAmount.ToJson(ctip.Value),
            ["seq"] = history.Count - 1,
        };
    }

    private JsonNode ListProposals()
    {
        var state = ctx.Chain.TipDrivechainState;
        var p = ctx.Node.Params;
        var height = ctx.Chain.Height;
        var result = new JsonArray();
        foreach (var proposal in state.Proposals.OrderBy(x => x.Slot).ThenBy(x => x.ProposalHeight))
        {
            var used = state.IsActive(proposal.Slot);
            var threshold = used ? p.UsedSlotActivationThreshold : p.UnusedSlotActivationThreshold;
            var maxAge = used ? p.UsedSlotProposalMaxAge : p.UnusedSlotProposalMaxAge;
            var age = height - proposal.ProposalHeight;
            result.Add((JsonNode)new JsonObject
            {
                ["slot"] = proposal.Slot,
                ["description_hash"] = proposal.DescriptionHash.ToString(),
                ["description"] = Convert.ToHexStringLower(proposal.Description.AsSpan()),
                ["declaration"] = DrivechainJson.ParseDescription(proposal.Description.AsSpan()),
                ["acks"] = proposal.Acks,
                ["proposal_height"] = proposal.ProposalHeight,
                ["age"] = age,
                ["used_slot"] = used,
                ["activation_threshold"] = threshold,
                ["acks_needed"] = Math.Max(0, threshold + 1 - proposal.Acks),
                ["max_age"] = maxAge,
                ["blocks_remaining"] = Math.Max(0, maxAge - age),
            });
        }
        return result;
    }

    private JsonArray ListBundles(RpcCall call)
    {
        var state = ctx.Chain.TipDrivechainState;
        var p = ctx.Node.Params;
        var height = ctx.Chain.Height;
        byte? only = call.Params.Has("slot") ? Slot(call) : null;
        var received = ctx.Policy.Bundles.Select(b => b.M6Id).ToHashSet();
        var result = new JsonArray();
        foreach (var (slot, bundle) in state.AllPendingBundles)
        {
            if (only is { } s && s != slot) continue;
            var list = state.GetPendingBundles(slot);
            var age = height - bundle.ProposalHeight;
            result.Add((JsonNode)new JsonObject
            {
                ["slot"] = slot,
                ["index"] = list.IndexOf(bundle),
                ["m6id"] = bundle.M6Id.ToString(),
                ["acks"] = bundle.Acks,
                ["inclusion_threshold"] = p.WithdrawalBundleInclusionThreshold,
                ["approved"] = bundle.Acks > p.WithdrawalBundleInclusionThreshold,
                ["acks_needed"] = Math.Max(0, p.WithdrawalBundleInclusionThreshold + 1 - bundle.Acks),
                ["proposal_height"] = bundle.ProposalHeight,
                ["age"] = age,
                ["blocks_remaining"] = Math.Max(0, p.WithdrawalBundleMaxAge - age),
                ["received"] = received.Contains(bundle.M6Id),
            });
        }
        return result;
    }

    private JsonObject? GetCtip(RpcCall call)
    {
        var slot = Slot(call);
        return ctx.Chain.TipDrivechainState.GetCtip(slot) is { } ctip ? CtipJson(slot, ctip) : null;
    }

    private JsonArray TreasuryHistory(RpcCall call)
    {
        var slot = Slot(call);
        var result = new JsonArray();
        foreach (var entry in ctx.Chain.TipDrivechainState.GetTreasuryHistory(slot))
        {
            var delta = entry.TotalValue.Satoshis - entry.PreviousTotalValue.Satoshis;
            result.Add((JsonNode)new JsonObject
            {
                ["seq"] = entry.Seq,
                ["kind"] = delta >= 0 ? "deposit" : "withdrawal",
                ["txid"] = entry.OutPoint.TxId.ToString(),
                ["vout"] = entry.OutPoint.Index,
                ["amount"] = RpcAmount.ToJson(Math.Abs(delta)),
                ["total_value"] = RpcAmount.ToJson(entry.TotalValue),
                ["previous_total_value"] = RpcAmount.ToJson(entry.PreviousTotalValue),
            });
        }
        return result;
    }

    private ValueTask<JsonNode?> DecodeMessage(RpcCall call, CancellationToken cancellationToken)
    {
        var script = new Script(RpcHex.ParseHex(call.Params.GetString("hexscript"), "hexscript"));
        return ValueTask.FromResult<JsonNode?>(DrivechainJson.DecodeScript(script));
    }

    private ValueTask<JsonNode?> ComputeM6Id(RpcCall call, CancellationToken cancellationToken)
    {
        var hex = call.Params.GetString("hexstring");
        if (!TransactionDecoding.TryDecodeHex(hex, out var tx))
            throw new RpcException(RpcErrorCode.DeserializationError, "TX decode failed");
        if (tx.Inputs.IsEmpty)
            return ValueTask.FromResult<JsonNode?>(new JsonObject { ["m6id"] = M6Id.OfBlinded(tx).ToString(), ["blinded"] = tx.ToHex() });
        if (!call.Params.Has("ctip_value"))
            throw new RpcException(RpcErrorCode.InvalidParameter, "ctip_value is required for an M6 with inputs");
        var ctipValue = new Money(RpcAmount.FromJson(call.Params["ctip_value"]));
        if (!M6Id.TryCompute(tx, ctipValue, out var id, out var feeTotal))
            throw new RpcException(RpcErrorCode.InvalidParameter, "M6_INSUFFICIENT_TREASURY: outputs exceed the CTIP value");
        return ValueTask.FromResult<JsonNode?>(new JsonObject
        {
            ["m6id"] = id.ToString(),
            ["fee_total"] = RpcAmount.ToJson(feeTotal),
            ["blinded"] = M6Id.CreateBlinded(tx, feeTotal).ToHex(),
        });
    }

    private JsonNode BmmScript(RpcCall call)
    {
        var slot = Slot(call);
        var h = DrivechainJson.ParseRawHash(call.Params.GetString("sidechain_block_hash"), "sidechain_block_hash");
        var prev = call.Params.GetOptionalString("prev_mainchain_block_hash") is { } text ? RpcHex.ParseHash(text, "prev_mainchain_block_hash") : ctx.Chain.Tip.Hash;
        return new M8BmmRequest(slot, h, prev).ToScript().ToHex();
    }
}
