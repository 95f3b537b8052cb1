using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Mempool;

namespace Drivechain.Node.Tests.Mempool;

/// <summary>The mempool's add/remove notifications the fee estimator follows: new arrivals only, unconfirmed departures only.</summary>
public sealed class NodeMempoolEventsTests : IDisposable
{
    private readonly InMemoryNode _node = new();
    private readonly List<Transaction> _coinbases;
    private readonly List<UInt256> _added = [];
    private readonly List<UInt256> _removed = [];

    public NodeMempoolEventsTests()
    {
        _coinbases = _node.MineToWallet(2);
        _node.Mine(100);
        Mempool.TransactionAdded += e => _added.Add(e.TxId);
        Mempool.TransactionRemoved += _removed.Add;
    }

    private NodeMempool Mempool => _node.Mempool;

    public void Dispose() => _node.Dispose();

    [Fact]
    public void A_new_transaction_is_announced_once_and_the_recheck_against_a_new_tip_announces_nothing()
    {
        var confirmed = _node.Spend(_coinbases[0], fee: 10_000);
        var waiting = _node.Spend(_coinbases[1], fee: 10_000);
        Mempool.Accept(confirmed, testOnly: false);
        Mempool.Accept(waiting, testOnly: false);
        Mempool.Accept(waiting, testOnly: true);

        _node.Chain.SubmitBlock(_node.Miner.MineOne(InMemoryNode.AnyoneCanSpend, 1_000_000, [confirmed], submit: false)!);
        Mempool.SyncWithChain();

        _added.Should().Equal(confirmed.TxId, waiting.TxId);
        _removed.Should().BeEmpty("the confirmed one left in a block, the other one stayed");
    }

    [Fact]
    public void Transactions_of_a_disconnected_block_come_back_unannounced()
    {
        var tx = _node.Spend(_coinbases[0], fee: 10_000);
        Mempool.Accept(tx, testOnly: false);
        var block = _node.Miner.MineOne(InMemoryNode.AnyoneCanSpend, 1_000_000)!;

        _node.Chain.InvalidateBlock(block.Hash);
        Mempool.SyncWithChain();

        Mempool.Pool.Contains(tx.TxId).Should().BeTrue();
        _added.Should().Equal(tx.TxId);
    }

    [Fact]
    public void A_replaced_transaction_is_announced_as_removed()
    {
        var original = _node.Spend(_coinbases[0], fee: 10_000);
        var replacement = _node.Spend(_coinbases[0], fee: 30_000);
        Mempool.Accept(original, testOnly: false);

        Mempool.Accept(replacement, testOnly: false).Accepted.Should().BeTrue();

        _removed.Should().Equal(original.TxId);
        _added.Should().Equal(original.TxId, replacement.TxId);
    }
}
