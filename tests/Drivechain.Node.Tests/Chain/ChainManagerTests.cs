using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Node.Chain;

namespace Drivechain.Node.Tests.Chain;

public sealed class ChainManagerTests
{
    internal static ChainManager NewChain() =>
        ChainManager.CreateInMemory(Network.Regtest, DrivechainParams.ForNetwork("regtest"), Secp256k1Provider.CreateDefault());

    [Fact]
    public void A_new_chain_starts_at_the_genesis_block()
    {
        using var chain = NewChain();

        chain.Tip.Hash.Should().Be(Network.Regtest.Genesis.Hash);
        chain.Height.Should().Be(0);
        chain.GetBlockHash(0).Should().Be(Network.Regtest.Genesis.Hash);
        chain.GetUtxoSetInfo().Coins.Should().Be(0);
    }

    [Fact]
    public void A_block_on_the_tip_becomes_the_new_tip_and_adds_its_coins()
    {
        using var chain = NewChain();
        var builder = new TestChain(Network.Regtest);
        var block = builder.Mine();

        var outcome = chain.SubmitBlock(block);

        outcome.Should().BeEquivalentTo(new SubmitOutcome.Accepted(block.Hash, 1, IsTip: true, TipChanged: true));
        chain.Tip.Hash.Should().Be(block.Hash);
        chain.TryGetCoin(new OutPoint(block.Transactions[0].TxId, 0), out var coin).Should().BeTrue();
        coin.IsCoinbase.Should().BeTrue();
        coin.Height.Should().Be(1);
        chain.GetBlock(block.Hash)!.Hash.Should().Be(block.Hash);
    }

    [Fact]
    public void Submitting_a_block_twice_reports_a_duplicate()
    {
        using var chain = NewChain();
        var block = new TestChain(Network.Regtest).Mine();
        chain.SubmitBlock(block);

        chain.SubmitBlock(block).Should().BeOfType<SubmitOutcome.Duplicate>();
    }

    [Fact]
    public void A_block_with_an_unknown_parent_is_rejected_as_prev_blk_not_found()
    {
        using var chain = NewChain();
        var builder = new TestChain(Network.Regtest);
        builder.Mine();
        var orphan = builder.Mine();

        var outcome = chain.SubmitBlock(orphan);

        outcome.Should().BeEquivalentTo(new { BlockHash = orphan.Hash, Code = "BASE", Reason = "prev-blk-not-found" });
        chain.Height.Should().Be(0);
    }

    [Fact]
    public void Spending_a_mature_coinbase_moves_the_coin()
    {
        using var chain = NewChain();
        var builder = new TestChain(Network.Regtest);
        builder.MineMany(101);
        foreach (var b in builder.Blocks) chain.SubmitBlock(b);
        var (coin, value) = builder.TakeCoin();
        var spend = TestChain.Spend([coin], new TxOut(new Money(value - 1000), TestChain.OpTrue));

        var block = builder.Mine(d => d.Add(spend, fee: 1000));

        chain.SubmitBlock(block).Should().BeOfType<SubmitOutcome.Accepted>();
        chain.TryGetCoin(coin, out _).Should().BeFalse();
        chain.TryGetCoin(new OutPoint(spend.TxId, 0), out var created).Should().BeTrue();
        created.Output.Value.Satoshis.Should().Be(value - 1000);
    }

    [Fact]
    public void The_tip_change_stream_follows_the_chain_through_a_reorg()
    {
        using var chain = NewChain();
        var main = new TestChain(Network.Regtest);
        var fork = main.Fork();
        using var subscription = chain.SubscribeTipChanges("test", out _, out _);

        chain.SubmitBlock(main.Mine());
        fork.Mine(d => d.ExtraNonce = 1);
        fork.Mine(d => d.ExtraNonce = 1);
        foreach (var b in fork.Blocks) chain.SubmitBlock(b);

        var changes = new List<string>();
        while (subscription.Reader.TryRead(out var change))
            changes.Add($"{(change is Drivechain.Node.Chain.Tip.TipChange.Connected ? "+" : "-")}{change.Index.Height}");
        changes.Should().Equal("+1", "-1", "+1", "+2");
    }

    [Fact]
    public void Median_time_past_is_the_median_of_the_last_eleven_blocks()
    {
        using var chain = NewChain();
        var builder = new TestChain(Network.Regtest);
        builder.MineMany(12);
        foreach (var b in builder.Blocks) chain.SubmitBlock(b);

        var times = builder.Blocks.Skip(1).Select(b => b.Header.Time).Order().ToList();
        chain.GetMedianTimePast().Should().Be(times[5]);
    }
}
