using System.Text.Json.Nodes;
using Drivechain.Consensus;
using Drivechain.Consensus.State;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Dashboard;

/// <summary>JSON forms of the dashboard's own values (events, M4 actions, BMM wins); amounts in BTC like the RPCs.</summary>
public static class DashboardJson
{
    public static JsonObject Event(DrivechainEvent e) => e switch
    {
        DrivechainEvent.SidechainProposed p => new JsonObject { ["type"] = "sidechain_proposed", ["slot"] = p.Slot, ["description_hash"] = p.DescriptionHash.ToString() },
        DrivechainEvent.SidechainActivated a => new JsonObject
        {
            ["type"] = "sidechain_activated", ["slot"] = a.Slot, ["description_hash"] = a.DescriptionHash.ToString(), ["replaced"] = a.Replaced,
        },
        DrivechainEvent.BundleSubmitted b => new JsonObject { ["type"] = "bundle_submitted", ["slot"] = b.Slot, ["m6id"] = b.M6Id.ToString() },
        DrivechainEvent.BundleFailed f => new JsonObject { ["type"] = "bundle_failed", ["slot"] = f.Slot, ["m6id"] = f.M6Id.ToString() },
        DrivechainEvent.BundleSucceeded s => new JsonObject
        {
            ["type"] = "bundle_paid", ["slot"] = s.Slot, ["m6id"] = s.M6Id.ToString(), ["seq"] = s.Seq, ["txid"] = s.TxId.ToString(),
        },
        DrivechainEvent.DepositReceived d => new JsonObject
        {
            ["type"] = "deposit", ["slot"] = d.Slot, ["seq"] = d.Seq, ["txid"] = d.OutPoint.TxId.ToString(), ["vout"] = d.OutPoint.Index,
            ["amount"] = RpcAmount.ToJson(d.Value),
        },
        _ => new JsonObject { ["type"] = e.GetType().Name },
    };

    public static JsonObject M4Action(M4Action action) => new()
    {
        ["slot"] = action.Slot,
        ["kind"] = action.Kind == M4ActionKind.Alarm ? "alarm" : "upvote",
        ["m6id"] = action.Kind == M4ActionKind.Alarm ? null : action.M6Id.ToString(),
    };

    public static JsonObject Bmm(BmmWin win) => new()
    {
        ["slot"] = win.Slot,
        ["h_star"] = DrivechainJson.RawHex(win.SidechainBlockHash),
        ["bid"] = win.BidSatoshis is { } sats ? RpcAmount.ToJson(sats) : null,
    };

    /// <summary>Height, hash and time of a block (the head of every per-block row).</summary>
    public static JsonObject BlockHead(BlockSnapshot block) => new()
    {
        ["height"] = block.Height,
        ["hash"] = block.Hash.ToString(),
        ["time"] = block.Time,
    };
}
