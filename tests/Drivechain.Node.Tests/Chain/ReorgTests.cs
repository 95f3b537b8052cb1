using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;

namespace Drivechain.Node.Tests.Chain;

public sealed class ReorgTests
{
    private static ChainManager Replay(IEnumerable<Block> blocks)
    {
        var chain = ChainManagerTests.NewChain();
        foreach (var block in blocks) chain.SubmitBlock(block).Should().BeOfType<SubmitOutcome.Accepted>();
        return chain;
    }

    private static void ShouldEqualFreshNodeOf(ChainManager chain, TestChain winner)
    {
        using var fresh = Replay(winner.Blocks);
        chain.Tip.Hash.Should().Be(fresh.Tip.Hash);
        chain.GetUtxoSetInfo().Should().Be(fresh.GetUtxoSetInfo());
        chain.TipDrivechainState.ComputeDigest().Should().Be(fresh.TipDrivechainState.ComputeDigest());
    }

    [Fact]
    public void A_side_branch_with_less_work_is_stored_but_not_connected()
    {
        var main = new TestChain(Network.Regtest);
        var side = main.Fork();
        main.MineMany(3);
        side.Mine(d => d.ExtraNonce = 7);
        using var chain = Replay(main.Blocks);

        var outcome = chain.SubmitBlock(side.Blocks[0]);

        outcome.Should().BeEquivalentTo(new SubmitOutcome.Accepted(side.TipHash, 1, IsTip: false, TipChanged: false));
        chain.Tip.Hash.Should().Be(main.TipHash);
        chain.GetChainTips().Select(t => (t.Hash, t.StatusText)).Should().BeEquivalentTo(new[] { (main.TipHash, "active"), (side.TipHash, "valid-headers") });
    }

    [Fact]
    public void With_equal_work_the_first_seen_branch_stays_active()
    {
        var a = new TestChain(Network.Regtest);
        var b = a.Fork();
        a.MineMany(2);
        b.Mine(d => d.ExtraNonce = 1);
        b.Mine(d => d.ExtraNonce = 1);
        using var chain = Replay(a.Blocks);

        foreach (var block in b.Blocks) chain.SubmitBlock(block);

        chain.Tip.Hash.Should().Be(a.TipHash);
    }

    [Fact]
    public void A_branch_with_more_work_reorganises_two_blocks_deep_to_the_state_of_a_fresh_node()
    {
        var common = new TestChain(Network.Regtest);
        common.MineMany(101);
        var a = common.Fork();
        var b = common.Fork();
        for (int i = 0; i < 2; i++)
        {
            var (coin, value) = a.TakeCoin();
            a.Mine(d => d.Add(TestChain.Spend([coin], new TxOut(new Money(value - 500), TestChain.OpTrue)), fee: 500));
        }
        for (int i = 0; i < 3; i++)
        {
            var (coin, value) = b.TakeCoin();
            b.Mine(d => { d.ExtraNonce = 9; d.Add(TestChain.Spend([coin], new TxOut(new Money(value - 700), TestChain.OpTrue)), fee: 700); });
        }
        using var chain = Replay(a.Blocks);

        var outcomes = b.Blocks.Skip(101).Select(chain.SubmitBlock).ToList();

        outcomes[^1].Should().BeEquivalentTo(new SubmitOutcome.Accepted(b.TipHash, 104, IsTip: true, TipChanged: true));
        ShouldEqualFreshNodeOf(chain, b);
        chain.GetChainTips().Should().BeEquivalentTo(new[]
        {
            new ChainTip(b.TipHash, 104, 0, ChainTipStatus.Active),
            new ChainTip(a.TipHash, 103, 2, ChainTipStatus.ValidFork),
        });
    }

    [Fact]
    public void A_hundred_block_reorganisation_gives_the_state_of_a_fresh_node()
    {
        var common = new TestChain(Network.Regtest);
        common.MineMany(110);
        var a = common.Fork();
        var b = common.Fork();
        for (int i = 0; i < 100; i++)
        {
            var (coin, value) = a.TakeCoin();
            a.Mine(d => d.Add(TestChain.Spend([coin], new TxOut(new Money(value / 2), TestChain.OpTrue), new TxOut(new Money(value / 2 - 100), TestChain.OpTrue)), fee: 100));
        }
        for (int i = 0; i < 101; i++) b.Mine(d => d.ExtraNonce = 3);
        using var chain = Replay(a.Blocks);
        var before = chain.Statistics.BlocksDisconnected;

        foreach (var block in b.Blocks.Skip(110)) chain.SubmitBlock(block);

        chain.Statistics.BlocksDisconnected.Should().Be(before + 100);
        ShouldEqualFreshNodeOf(chain, b);
    }

    [Fact]
    public void A_reorg_onto_a_branch_with_an_invalid_block_returns_to_the_best_valid_chain()
    {
        var common = new TestChain(Network.Regtest);
        common.MineMany(101);
        var a = common.Fork();
        var b = common.Fork();
        a.MineMany(1);
        b.Mine(d => d.ExtraNonce = 5);
        // b's second block claims 1 satoshi too much: valid until connected.
        b.Mine(d => { d.ExtraNonce = 5; d.ExtraCoinbaseValue = 1; });
        b.Mine(d => d.ExtraNonce = 5);
        using var chain = Replay(a.Blocks);

        var outcomes = b.Blocks.Skip(101).Select(chain.SubmitBlock).ToList();

        outcomes[0].Should().BeOfType<SubmitOutcome.Accepted>();
        outcomes[1].Should().BeEquivalentTo(new { BlockHash = b.Blocks[102].Hash, Code = "BASE", Reason = "bad-cb-amount" });
        outcomes[2].Should().BeEquivalentTo(new { BlockHash = b.Blocks[103].Hash, Code = "BASE", Reason = "bad-prevblk" });
        ShouldEqualFreshNodeOf(chain, a);
    }

    [Fact]
    public void A_child_of_an_invalid_block_is_rejected_as_bad_prevblk()
    {
        var builder = new TestChain(Network.Regtest);
        builder.Mine(d => d.ExtraCoinbaseValue = 1);
        var child = builder.Mine();
        using var chain = ChainManagerTests.NewChain();

        chain.SubmitBlock(builder.Blocks[0]).Should().BeEquivalentTo(new { BlockHash = builder.Blocks[0].Hash, Code = "BASE", Reason = "bad-cb-amount" });
        chain.SubmitBlock(child).Should().BeEquivalentTo(new { BlockHash = child.Hash, Code = "BASE", Reason = "bad-prevblk" });
        chain.SubmitBlock(builder.Blocks[0]).Should().BeEquivalentTo(new { BlockHash = builder.Blocks[0].Hash, Code = "BASE", Reason = "bad-cb-amount" });
    }

    [Fact]
    public void Invalidateblock_moves_to_the_other_branch_and_reconsiderblock_moves_back()
    {
        var a = new TestChain(Network.Regtest);
        var b = a.Fork();
        a.MineMany(3);
        b.MineMany(2);
        b.Blocks.Clear();
        b = new TestChain(Network.Regtest);
        b.Mine(d => d.ExtraNonce = 2);
        b.Mine(d => d.ExtraNonce = 2);
        using var chain = Replay(a.Blocks);
        foreach (var block in b.Blocks) chain.SubmitBlock(block);

        chain.InvalidateBlock(a.Blocks[1].Hash).Should().BeTrue();
        chain.Tip.Hash.Should().Be(b.TipHash);
        chain.GetChainTips().Should().Contain(t => t.Hash == a.TipHash && t.Status == ChainTipStatus.Invalid);
        ShouldEqualFreshNodeOf(chain, b);

        chain.ReconsiderBlock(a.Blocks[1].Hash).Should().BeTrue();
        chain.Tip.Hash.Should().Be(a.TipHash);
        ShouldEqualFreshNodeOf(chain, a);
    }
}
