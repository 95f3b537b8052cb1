using System.Globalization;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Node.Hosting;
using Drivechain.Node.Rpc.Json;

namespace Drivechain.Node.Dashboard;

/// <summary>
/// The dashboard's JSON API (docs/dashboard.md): the current state from the node's read-only RPCs, the history of recent
/// blocks from <see cref="DashboardHistory"/>. Nothing here changes the node.
/// </summary>
public sealed partial class DashboardApi(DashboardRpc rpc, DashboardHistory history, NodeChain node)
{
    /// <summary>Fee-rate bucket lower bounds of the mempool histogram, sat/vB.</summary>
    private static readonly long[] FeeBuckets = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    /// <summary>Recent blocks listed for M4 and BMM.</summary>
    private const int RecentBlocks = 12;

    public async Task<JsonObject> ChainAsync(CancellationToken ct)
    {
        var info = (await rpc.CallAsync("getblockchaininfo", ct))!.AsObject();
        var network = (await rpc.CallAsync("getnetworkinfo", ct))!.AsObject();
        var mempool = (await rpc.CallAsync("getmempoolinfo", ct))!.AsObject();
        var entries = (await rpc.CallAsync("getrawmempool", ct, true))!.AsObject();
        var histogram = new JsonArray();
        var counts = new int[FeeBuckets.Length];
        var sizes = new long[FeeBuckets.Length];
        foreach (var (_, entry) in entries)
        {
            var vsize = entry!["vsize"]!.GetValue<long>();
            var fee = RpcAmount.FromJson(entry["fees"]!["base"]);
            var rate = vsize == 0 ? 0 : fee / (double)vsize;
            var bucket = Math.Max(0, Array.FindLastIndex(FeeBuckets, b => rate >= b));
            counts[bucket]++;
            sizes[bucket] += vsize;
        }
        for (var i = 0; i < FeeBuckets.Length; i++)
            histogram.Add((JsonNode)new JsonObject
            {
                ["min_feerate"] = FeeBuckets[i],
                ["max_feerate"] = i + 1 < FeeBuckets.Length ? FeeBuckets[i + 1] : null,
                ["count"] = counts[i],
                ["vsize"] = sizes[i],
            });
        return new JsonObject
        {
            ["chain"] = info["chain"]?.DeepClone(),
            ["blocks"] = info["blocks"]?.DeepClone(),
            ["headers"] = info["headers"]?.DeepClone(),
            ["best_block_hash"] = info["bestblockhash"]?.DeepClone(),
            ["tip_time"] = info["time"]?.DeepClone(),
            ["verification_progress"] = info["verificationprogress"]?.DeepClone(),
            ["initial_block_download"] = info["initialblockdownload"]?.DeepClone(),
            ["peers"] = network["connections"]?.DeepClone(),
            ["mempool"] = new JsonObject
            {
                ["size"] = mempool["size"]?.DeepClone(),
                ["bytes"] = mempool["bytes"]?.DeepClone(),
                ["total_fee"] = mempool["total_fee"]?.DeepClone(),
                ["fee_histogram"] = histogram,
            },
        };
    }

    public async Task<JsonObject> SidechainsAsync(CancellationToken ct)
    {
        var active = await rpc.CallArrayAsync("listsidechains", ct);
        var proposals = await rpc.CallArrayAsync("listsidechainproposals", ct);
        var states = new string[256];
        Array.Fill(states, "free");
        foreach (var p in proposals) states[p!["slot"]!.GetValue<int>()] = "proposed";
        foreach (var s in active) states[s!["slot"]!.GetValue<int>()] = "active";
        var blocks = history.Blocks;
        var sidechains = new JsonArray();
        foreach (var sidechain in active)
        {
            var slot = sidechain!["slot"]!.GetValue<int>();
            var item = sidechain.DeepClone().AsObject();
            item["treasury_history"] = await TreasuryHistoryAsync(slot, blocks, ct);
            item["treasury_chart"] = new JsonArray([.. blocks.Where(b => b.Height >= sidechain["activation_height"]!.GetValue<int>())
                .Select(b => (JsonNode)new JsonObject
                {
                    ["height"] = b.Height,
                    ["value"] = RpcAmount.ToJson(b.Treasuries.FirstOrDefault(t => t.Slot == slot).Satoshis),
                })]);
            sidechains.Add((JsonNode)item);
        }
        return new JsonObject
        {
            ["slots"] = new JsonArray([.. states.Select(s => (JsonNode)JsonValue.Create(s))]),
            ["active_count"] = active.Count,
            ["proposed_count"] = states.Count(s => s == "proposed"),
            ["sidechains"] = sidechains,
        };
    }

    /// <summary><c>listtreasuryhistory</c> of a slot, each entry with the height of its block when it is recent enough.</summary>
    private async Task<JsonArray> TreasuryHistoryAsync(int slot, IReadOnlyList<BlockSnapshot> blocks, CancellationToken ct)
    {
        var heights = new Dictionary<int, int>();
        foreach (var block in blocks)
            foreach (var e in block.Events)
                if (e is DrivechainEvent.DepositReceived d && d.Slot == slot) heights[d.Seq] = block.Height;
                else if (e is DrivechainEvent.BundleSucceeded s && s.Slot == slot) heights[s.Seq] = block.Height;
        var entries = await rpc.CallArrayAsync("listtreasuryhistory", ct, slot);
        foreach (var entry in entries)
            entry!["height"] = heights.TryGetValue(entry["seq"]!.GetValue<int>(), out var h) ? h : null;
        return entries;
    }

    public async Task<JsonArray> ProposalsAsync(CancellationToken ct) => await rpc.CallArrayAsync("listsidechainproposals", ct);

    public async Task<JsonObject> BundlesAsync(CancellationToken ct)
    {
        var p = node.Params;
        var pending = await rpc.CallArrayAsync("listwithdrawalbundles", ct);
        var blocks = history.Blocks;
        var bundles = new Dictionary<string, JsonObject>();
        foreach (var block in blocks)
        {
            foreach (var b in block.Bundles)
            {
                var key = b.M6Id.ToString();
                if (!bundles.TryGetValue(key, out var bundle))
                    bundles[key] = bundle = new JsonObject
                    {
                        ["slot"] = b.Slot, ["m6id"] = key, ["proposal_height"] = b.ProposalHeight, ["status"] = "pending",
                        ["resolved_height"] = null, ["votes"] = new JsonArray(),
                    };
                bundle["acks"] = b.Acks;
                bundle["votes"]!.AsArray().Add((JsonNode)new JsonObject { ["height"] = block.Height, ["acks"] = b.Acks });
            }
            foreach (var e in block.Events)
            {
                var (m6id, status) = e switch
                {
                    DrivechainEvent.BundleSucceeded s => (s.M6Id.ToString(), "paid"),
                    DrivechainEvent.BundleFailed f => (f.M6Id.ToString(), "failed"),
                    _ => (null, null),
                };
                if (m6id is null || !bundles.TryGetValue(m6id, out var bundle)) continue;
                bundle["status"] = status;
                bundle["resolved_height"] = block.Height;
                if (e is DrivechainEvent.BundleSucceeded paid) bundle["payout_txid"] = paid.TxId.ToString();
            }
        }
        foreach (var current in pending)
        {
            var key = current!["m6id"]!.GetValue<string>();
            if (!bundles.TryGetValue(key, out var bundle)) continue;
            bundle["acks"] = current["acks"]!.DeepClone();
            bundle["blocks_remaining"] = current["blocks_remaining"]!.DeepClone();
            bundle["status"] = current["approved"]!.GetValue<bool>() ? "approved" : "pending";
        }
        var m4 = new JsonArray();
        foreach (var block in blocks.Reverse().Take(RecentBlocks))
        {
            var row = DashboardJson.BlockHead(block);
            row["actions"] = new JsonArray([.. block.M4.Select(a => (JsonNode)DashboardJson.M4Action(a))]);
            m4.Add((JsonNode)row);
        }
        return new JsonObject
        {
            ["inclusion_threshold"] = p.WithdrawalBundleInclusionThreshold,
            ["max_age"] = p.WithdrawalBundleMaxAge,
            ["bundles"] = new JsonArray([.. bundles.Values.Reverse()]),
            ["m4"] = m4,
        };
    }

    public JsonArray Bmm()
    {
        var result = new JsonArray();
        foreach (var block in history.Blocks.Reverse().Take(RecentBlocks))
        {
            var row = DashboardJson.BlockHead(block);
            row["accepts"] = new JsonArray([.. block.Bmm.Select(w => (JsonNode)DashboardJson.Bmm(w))]);
            result.Add((JsonNode)row);
        }
        return result;
    }

    public async Task<JsonObject> OverviewAsync(CancellationToken ct) => new()
    {
        ["chain"] = await ChainAsync(ct),
        ["sidechains"] = await SidechainsAsync(ct),
        ["proposals"] = await ProposalsAsync(ct),
        ["bundles"] = await BundlesAsync(ct),
        ["bmm"] = Bmm(),
    };

    /// <summary>The active sidechain of a slot ("0".."255"), or null when the slot is not a number or not active.</summary>
    public async Task<JsonObject?> SidechainAsync(string slotText, CancellationToken ct)
    {
        if (!byte.TryParse(slotText, NumberStyles.None, CultureInfo.InvariantCulture, out var slot)) return null;
        var all = await SidechainsAsync(ct);
        return all["sidechains"]!.AsArray().FirstOrDefault(s => s!["slot"]!.GetValue<int>() == slot)?.DeepClone().AsObject();
    }

    /// <summary>A block by height (active chain) or hash, or null when unknown.</summary>
    public Bitcoin.Primitives.Block? FindBlock(string id, out int height)
    {
        height = -1;
        var chain = node.Chain;
        Chain.BlockIndex? index = null;
        if (id.Length <= 9 && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var h))
            index = chain.GetActiveBlockIndex(h);
        else if (id.Length == 64 && UInt256.TryParse(id, out var hash))
            index = chain.GetBlockIndex(hash);
        if (index is null) return null;
        height = index.Height;
        return chain.GetBlock(index.Hash);
    }
}
