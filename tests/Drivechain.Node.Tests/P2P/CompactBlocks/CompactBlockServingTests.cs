using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.P2P;
using Drivechain.Node.P2P.Messages;

namespace Drivechain.Node.Tests.P2P.CompactBlocks;

/// <summary>Our node serves BIP152 to a scripted peer: sendcmpct after verack, cmpctblock for getdata MSG_CMPCT_BLOCK, blocktxn for getblocktxn.</summary>
public sealed class CompactBlockServingTests : IDisposable
{
    private const string Address = "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080";
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-cmpct-serve-").FullName;

    [Fact]
    public async Task A_peer_gets_sendcmpct_then_a_compact_block_and_its_transactions_and_is_dropped_for_an_out_of_bounds_index()
    {
        await using var node = await NodeProcess.StartAsync(_dataDir);
        var tip = UInt256.Parse((await node.Rpc.CallAsync("generatetoaddress", 2, Address))!.AsArray()[^1]!.GetValue<string>());
        var coinbase = (await node.Rpc.CallAsync("getblock", tip.ToString()))!["tx"]![0]!.GetValue<string>();
        await using var peer = await ScriptedPeer.ConnectAsync(node.P2pPort);
        await peer.HandshakeAsync();
        var send = await peer.ReceiveUntilAsync("sendcmpct");
        SendCompact.TryParse(send.Payload, out var sendCompact).Should().BeTrue();
        sendCompact.Should().Be(new SendCompact(HighBandwidth: false, Version: 2));

        await peer.SendAsync("getdata", P2PPayloads.Inventory([new InventoryItem(PeerManager.MsgCompactBlock, tip)]));
        var message = await peer.ReceiveUntilAsync("cmpctblock");
        CompactBlock.TryParse(message.Payload, out var compact).Should().BeTrue();
        compact!.Header.Hash.Should().Be(tip);
        compact.ShortIds.Should().BeEmpty();
        compact.Prefilled.Should().ContainSingle().Which.Transaction.TxId.ToString().Should().Be(coinbase);

        await peer.SendAsync("getblocktxn", new BlockTransactionsRequest(tip, [0]).ToBytes());
        var answer = await peer.ReceiveUntilAsync("blocktxn");
        BlockTransactions.TryParse(answer.Payload, out var transactions).Should().BeTrue();
        transactions!.BlockHash.Should().Be(tip);
        transactions.Transactions.Should().ContainSingle().Which.TxId.ToString().Should().Be(coinbase);

        await peer.SendAsync("getblocktxn", new BlockTransactionsRequest(tip, [1]).ToBytes());
        (await peer.IsClosedByNodeAsync()).Should().BeTrue();
        await node.ShouldLogAsync($"asked for transaction 1 of block {tip}, out of bounds");
    }

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
