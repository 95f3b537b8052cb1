using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Node.P2P;
using Drivechain.Node.P2P.Messages;
using Drivechain.Node.P2P.Transport;
using Drivechain.Testing.Consensus;

namespace Drivechain.Node.Tests.P2P.CompactBlocks;

/// <summary>
/// The receiving side's edges with a scripted peer: an announced header on our tip is fetched as MSG_CMPCT_BLOCK, a compact
/// block with a repeated short id falls back to a full getdata, and one with a prefilled index past its end disconnects.
/// </summary>
public sealed class CompactBlockReceivingTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-cmpct-recv-").FullName;

    [Fact]
    public async Task A_header_on_our_tip_is_fetched_compact_a_short_id_collision_falls_back_and_a_bad_index_disconnects()
    {
        await using var node = await NodeProcess.StartAsync(_dataDir);
        var genesis = UInt256.Parse((await node.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>());
        var block = MinedOn(genesis);
        await using var peer = await ScriptedPeer.ConnectAsync(node.P2pPort);
        await peer.HandshakeAsync();
        await peer.SendAsync("sendcmpct", new SendCompact(false, 2).ToBytes());

        await peer.SendAsync("headers", P2PPayloads.Headers([block.Header]));
        await peer.ReceiveUntilAsync("getdata", m => Asks(m, PeerManager.MsgCompactBlock, block.Hash));

        var coinbase = new PrefilledTransaction(0, block.Transactions[0]);
        await peer.SendAsync("cmpctblock", new CompactBlock(block.Header, 9, [5, 5], [coinbase]).ToBytes());
        await peer.ReceiveUntilAsync("getdata", m => Asks(m, InventoryItem.MsgWitnessBlock, block.Hash));
        await node.ShouldLogAsync($"Compact block {block.Hash} from peer");

        await peer.SendAsync("cmpctblock", new CompactBlock(block.Header, 9, [], [coinbase, new PrefilledTransaction(3, block.Transactions[1])]).ToBytes());
        (await peer.IsClosedByNodeAsync()).Should().BeTrue();
        await node.ShouldLogAsync($"sent an invalid compact block {block.Hash}");
        (await node.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>().Should().Be(genesis.ToString());
    }

    private static bool Asks(PeerMessage message, uint type, UInt256 hash) =>
        P2PPayloads.TryParseInventory(message.Payload, out var items) && items.Contains(new InventoryItem(type, hash));

    /// <summary>A block of a coinbase and one transaction on <paramref name="parent"/>, with regtest proof of work.</summary>
    private static Block MinedOn(UInt256 parent)
    {
        var block = new DrivechainBlockBuilder(parent, 1).WithTransaction(DrivechainTransactions.Ordinary(DrivechainTransactions.Funding(1))).Build();
        var header = block.Header;
        for (uint nonce = 0; BlockValidation.CheckBlockHeader(header, Network.Regtest) is not null; nonce++) header = header.WithNonce(nonce);
        return new Block(header, block.Transactions);
    }

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
