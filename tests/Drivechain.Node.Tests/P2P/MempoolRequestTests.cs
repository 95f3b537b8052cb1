using Drivechain.Node.P2P.Messages;
using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// BIP35 mempool requests as Core answers them when it does not offer bloom filters: an inv of the mempool for a peer
/// with the mempool permission, a disconnect for a plain peer, nothing for a noban one.
/// </summary>
public sealed class MempoolRequestTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-mempoolmsg-").FullName;

    [Fact]
    public async Task The_mempool_permission_gets_an_inv_of_the_mempool_a_plain_peer_is_disconnected_and_a_noban_one_ignored()
    {
        int mempoolPort = BitcoindProcess.FreePort(), nobanPort = BitcoindProcess.FreePort();
        await using var node = await NodeProcess.StartAsync(_dataDir, "--whitebind", $"mempool@127.0.0.1:{mempoolPort}",
            "--whitebind", $"noban@127.0.0.1:{nobanPort}");
        var steps = new RegtestDrivechainSteps(node.Rpc);
        await steps.MineAsync(102);
        var first = await TransactionAnnouncementTests.SpendCoinbaseAsync(steps, node, height: 1, fee: 0.001m);
        var second = await TransactionAnnouncementTests.SpendCoinbaseAsync(steps, node, height: 2, fee: 0.002m);

        // relay = false: nothing is trickled to this peer, so an inv can only be the answer to its request.
        await using var permitted = await ScriptedPeer.ConnectAsync(mempoolPort);
        await permitted.HandshakeAsync(relay: false);
        await permitted.SendAsync("mempool", []);
        var inv = await permitted.ReceiveUntilAsync("inv");
        P2PPayloads.TryParseInventory(inv.Payload, out var items).Should().BeTrue();
        items!.Should().BeEquivalentTo([new InventoryItem(InventoryItem.MsgWTx, first.WTxId), new InventoryItem(InventoryItem.MsgWTx, second.WTxId)],
            "by wtxid, as the peer sent wtxidrelay");

        await using var noban = await ScriptedPeer.ConnectAsync(nobanPort);
        await noban.HandshakeAsync(relay: false);
        await noban.SendAsync("mempool", []);
        await noban.SendAsync("ping", P2PPayloads.Nonce(7));
        (await noban.ReceiveUntilAsync("pong")).Payload.ToArray().Should().Equal(P2PPayloads.Nonce(7), "the request was ignored, the peer kept");

        await using var plain = await ScriptedPeer.ConnectAsync(node.P2pPort);
        await plain.HandshakeAsync(relay: false);
        await plain.SendAsync("mempool", []);
        (await plain.IsClosedByNodeAsync()).Should().BeTrue();
        await node.WaitForOutputAsync("mempool request with bloom filters disabled", TimeSpan.FromSeconds(10));
        (await node.Rpc.CallAsync("listbanned"))!.AsArray().Should().BeEmpty("a mempool request is not misbehaviour");
    }

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
