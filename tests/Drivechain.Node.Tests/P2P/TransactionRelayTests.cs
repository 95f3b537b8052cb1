using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.P2P.Messages;
using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;
using static Drivechain.Node.Tests.P2P.CoreWallet;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// Transaction relay through the mempool against the real Bitcoin Core: Core's wallet payments reach our mempool,
/// transactions given to our node reach Core's, and an orphan waits for its parent (requested from the sender).
/// </summary>
public sealed class TransactionRelayTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-txrelay-").FullName;

    [BitcoindFact]
    public async Task Transactions_relay_both_ways_and_an_orphan_waits_for_its_parent()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var address = await core.CreateWalletAsync();
        var blocks = await core.GenerateToAddressAsync(101, address);
        await using var node = await NodeProcess.StartAsync(_dataDir, "--connect", core.P2pEndpoint, "--listen", "1");
        await node.WaitForOutputAsync($"Block {blocks[^1]} accepted at height 101", Timeout);

        // Core's wallet → our mempool (wtxid inv, getdata, tx).
        var fromCore = (await core.WalletCallAsync("w", "sendtoaddress", address, 2m)).GetString()!;
        await node.WaitForOutputAsync($"Transaction {fromCore} from peer", Timeout);
        (await NodeMempoolAsync(node)).Should().Contain(fromCore);

        // sendrawtransaction to our node → Core's mempool.
        var (ourHex, ourTxId) = await SignedButUnsentAsync(core, address, 1m);
        (await node.Rpc.CallAsync("sendrawtransaction", ourHex))!.GetValue<string>().Should().Be(ourTxId);
        await Eventually.TrueAsync(async () => (await CoreMempoolAsync(core)).Contains(ourTxId), "Core's mempool has our transaction", Timeout);

        // A child before its parent: kept as an orphan, the parent requested from the sender, both accepted when it comes.
        var (parentHex, parentTxId) = await SignedButUnsentAsync(core, address, 3m);
        var (vout, script, amount) = await OutputToAsync(core, parentHex, address);
        var childRaw = (await core.CallAsync("createrawtransaction", new[] { new { txid = parentTxId, vout } },
            new Dictionary<string, decimal> { [address] = amount - 0.001m })).GetString()!;
        var (childHex, childTxId) = await SignAsync(core, childRaw, new[] { new { txid = parentTxId, vout, scriptPubKey = script, amount } });
        await using var peer = await ScriptedPeer.ConnectAsync(node.P2pPort);
        await peer.HandshakeAsync();
        await peer.SendAsync("tx", Convert.FromHexString(childHex));
        var parent = UInt256.Parse(parentTxId);
        await peer.ReceiveUntilAsync("getdata", m => P2PPayloads.TryParseInventory(m.Payload, out var items)
                                                     && items.Contains(new InventoryItem(InventoryItem.MsgWitnessTx, parent)));
        (await NodeMempoolAsync(node)).Should().NotContain(childTxId);
        await peer.SendAsync("tx", Convert.FromHexString(parentHex));
        await node.WaitForOutputAsync($"Transaction {childTxId} from peer", Timeout);
        (await NodeMempoolAsync(node)).Should().Contain([parentTxId, childTxId]);
        await Eventually.TrueAsync(async () => (await CoreMempoolAsync(core)).Contains(childTxId), "Core's mempool has the child", Timeout);
    }

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
