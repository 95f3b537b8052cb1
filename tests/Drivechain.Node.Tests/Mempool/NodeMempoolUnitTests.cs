using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Mempool;

namespace Drivechain.Node.Tests.Mempool;

/// <summary>The mempool called directly (no host, no RPC): acceptance, and following the tip-change stream.</summary>
public sealed class NodeMempoolUnitTests : IDisposable
{
    private readonly InMemoryNode _node = new();
    private readonly List<Transaction> _coinbases;

    public NodeMempoolUnitTests()
    {
        _coinbases = _node.MineToWallet(3);
        _node.Mine(100);   // the three coinbases mature
    }

    private NodeMempool Mempool => _node.Mempool;

    public void Dispose() => _node.Dispose();

    [Fact]
    public void An_accepted_spend_is_in_the_pool_with_its_fee_and_its_scripts_marked_verified()
    {
        var tx = _node.Spend(_coinbases[0], fee: 10_000);

        var result = Mempool.Accept(tx, testOnly: false);

        result.Accepted.Should().BeTrue(result.Message);
        Mempool.Pool.TryGet(tx.TxId, out var entry).Should().BeTrue();
        entry.Fee.Satoshis.Should().Be(10_000);
        Mempool.IsVerified(tx).Should().BeTrue();
    }

    [Fact]
    public void Test_only_acceptance_leaves_the_pool_unchanged()
    {
        var tx = _node.Spend(_coinbases[0], fee: 10_000);

        Mempool.Accept(tx, testOnly: true).Accepted.Should().BeTrue();

        Mempool.Pool.Count.Should().Be(0);
    }

    [Fact]
    public void A_spend_of_an_unknown_output_is_refused_as_missing_inputs()
    {
        var orphan = _node.Spend(_node.Spend(_coinbases[0], fee: 10_000), fee: 10_000);

        var result = Mempool.Accept(orphan, testOnly: false);

        result.Accepted.Should().BeFalse();
        result.Kind.Should().Be(MempoolRejectKind.MissingInputs);
        result.RejectReason.Should().Be("bad-txns-inputs-missingorspent");
        Mempool.Pool.Count.Should().Be(0);
    }

    [Fact]
    public void A_conflicting_spend_paying_less_is_refused_and_the_first_stays()
    {
        var first = _node.Spend(_coinbases[0], fee: 20_000);
        var cheaper = _node.Spend(_coinbases[0], fee: 10_000);
        Mempool.Accept(first, testOnly: false).Accepted.Should().BeTrue();

        var result = Mempool.Accept(cheaper, testOnly: false);

        result.Accepted.Should().BeFalse();
        result.RejectReason.Should().Be("insufficient fee");
        Mempool.Pool.Contains(first.TxId).Should().BeTrue();
    }

    [Fact]
    public void A_block_connected_without_the_miner_removes_what_it_confirmed_once_the_mempool_follows_the_stream()
    {
        var confirmed = _node.Spend(_coinbases[0], fee: 10_000);
        var waiting = _node.Spend(_coinbases[1], fee: 10_000);
        Mempool.Accept(confirmed, testOnly: false);
        Mempool.Accept(waiting, testOnly: false);
        var block = _node.Miner.MineOne(InMemoryNode.AnyoneCanSpend, 1_000_000, [confirmed], submit: false)!;

        _node.Chain.SubmitBlock(block);
        Mempool.Pool.Count.Should().Be(2, "nothing has told the pool yet");
        var moved = Mempool.SyncWithChain();

        moved.Should().BeTrue();
        Mempool.Pool.Contains(confirmed.TxId).Should().BeFalse();
        Mempool.Pool.Contains(waiting.TxId).Should().BeTrue();
        Mempool.SyncWithChain().Should().BeFalse("no change is left to apply");
    }

    [Fact]
    public void Transactions_of_a_disconnected_block_return_to_the_pool()
    {
        var tx = _node.Spend(_coinbases[0], fee: 10_000);
        Mempool.Accept(tx, testOnly: false);
        var block = _node.Miner.MineOne(InMemoryNode.AnyoneCanSpend, 1_000_000)!;
        Mempool.Pool.Count.Should().Be(0);

        _node.Chain.InvalidateBlock(block.Hash);
        Mempool.SyncWithChain();

        Mempool.Pool.Contains(tx.TxId).Should().BeTrue();
    }
}
