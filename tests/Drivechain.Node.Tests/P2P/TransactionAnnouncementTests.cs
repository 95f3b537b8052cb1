using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.P2P.Messages;
using Drivechain.Testing.EndToEnd;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// Which peers our node announces a mempool transaction to, seen by scripted peers: by wtxid to BIP339 peers, not
/// back to the peer that sent it, never what the mempool refused, and not below a peer's feefilter. A peer's
/// announcements come in order, so "not announced" is proven by a later transaction's announcement arriving first.
/// </summary>
public sealed class TransactionAnnouncementTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-announce-").FullName;

    [Fact]
    public async Task Announcements_skip_the_sender_refused_transactions_and_fees_under_the_feefilter()
    {
        await using var node = await NodeProcess.StartAsync(_dataDir);
        var steps = new RegtestDrivechainSteps(node.Rpc);
        await steps.MineAsync(105);
        await using var plain = await ScriptedPeer.ConnectAsync(node.P2pPort);
        await plain.HandshakeAsync();
        await using var picky = await ScriptedPeer.ConnectAsync(node.P2pPort);
        await picky.HandshakeAsync();
        var feeFilter = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(feeFilter, 100_000_000);   // 1 BTC/kvB
        await picky.SendAsync("feefilter", feeFilter);

        // A low-fee transaction sent by RPC: announced (by wtxid) to the plain peer, and served on getdata.
        var cheap = await SpendCoinbaseAsync(steps, node, height: 1, fee: 0.001m);
        var announced = await InventoryUntilAsync(plain, cheap.WTxId);
        announced.Should().Contain(new InventoryItem(InventoryItem.MsgWTx, cheap.WTxId));
        await plain.SendAsync("getdata", P2PPayloads.Inventory([new InventoryItem(InventoryItem.MsgWTx, cheap.WTxId)]));
        var served = await plain.ReceiveUntilAsync("tx");
        Transaction.TryParse(served.Payload, out var tx, out _).Should().BeTrue();
        tx!.WTxId.Should().Be(cheap.WTxId);

        // The plain peer relays one itself, and one the mempool refuses (a double spend of the cheap one's input).
        var relayed = await SpendCoinbaseAsync(steps, node, height: 2, fee: 0.5m, send: false);   // over the feefilter
        await plain.SendAsync("tx", relayed.Bytes);
        await node.WaitForOutputAsync($"Transaction {relayed.TxId} from peer", TimeSpan.FromMinutes(1));
        var conflicting = await SpendCoinbaseAsync(steps, node, height: 1, fee: 0.0005m, send: false);   // a lower fee: no replacement
        await picky.SendAsync("tx", conflicting.Bytes);

        // A high-fee transaction afterwards: whatever each peer was going to be told arrives before it.
        var rich = await SpendCoinbaseAsync(steps, node, height: 3, fee: 10m);
        var toPlain = await InventoryUntilAsync(plain, rich.WTxId);
        var toPicky = await InventoryUntilAsync(picky, rich.WTxId);
        toPlain.Select(i => i.Hash).Should().NotContain(relayed.WTxId, "the sender already has it").And.NotContain(conflicting.WTxId, "the mempool refused it");
        toPicky.Select(i => i.Hash).Should().Contain(relayed.WTxId, "it was relayed to the other peer")
            .And.NotContain(cheap.WTxId, "it is under the peer's feefilter")
            .And.NotContain(conflicting.WTxId, "the mempool refused it");
    }

    internal static async Task<(UInt256 TxId, UInt256 WTxId, byte[] Bytes)> SpendCoinbaseAsync(RegtestDrivechainSteps steps, NodeProcess node, int height,
        decimal fee, bool send = true)
    {
        var inputs = new JsonArray(new JsonObject { ["txid"] = await steps.CoinbaseTxIdAsync(height), ["vout"] = 0 });
        var outputs = new JsonArray(new JsonObject { [RegtestDrivechainSteps.MinerAddress] = RegtestDrivechainSteps.Subsidy - fee });
        var unsigned = (await node.Rpc.CallAsync("createrawtransaction", inputs, outputs))!.GetValue<string>();
        var hex = (await node.Rpc.CallAsync("signrawtransactionwithkey", unsigned, new JsonArray(RegtestDrivechainSteps.Wif)))!["hex"]!.GetValue<string>();
        if (send) await node.Rpc.CallAsync("sendrawtransaction", hex, 0);   // maxfeerate 0: any fee
        Transaction.TryParse(Convert.FromHexString(hex), out var tx, out _).Should().BeTrue();
        return (tx!.TxId, tx.WTxId, Convert.FromHexString(hex));
    }

    /// <summary>Every transaction inv the peer receives up to and including the one naming <paramref name="wtxid"/>.</summary>
    private static async Task<List<InventoryItem>> InventoryUntilAsync(ScriptedPeer peer, UInt256 wtxid)
    {
        var seen = new List<InventoryItem>();
        await peer.ReceiveUntilAsync("inv", m =>
        {
            P2PPayloads.TryParseInventory(m.Payload, out var items).Should().BeTrue();
            seen.AddRange(items!.Where(i => i.IsTransaction));
            return items!.Any(i => i.Hash == wtxid);
        });
        return seen;
    }

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
