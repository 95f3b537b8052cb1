using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;

namespace Drivechain.Node.Tests.Chain;

/// <summary>Reorganisations across deposits, bundle votes and payouts: the result equals a fresh node's.</summary>
public sealed class DrivechainReorgTests
{
    private static ChainManager Replay(IEnumerable<Block> blocks)
    {
        var chain = ChainManagerTests.NewChain();
        int i = 0;
        foreach (var block in blocks)
        {
            var outcome = chain.SubmitBlock(block);
            outcome.Should().BeOfType<SubmitOutcome.Accepted>($"block {i++} ({outcome})");
        }
        return chain;
    }

    private static void ShouldEqualFreshNodeOf(ChainManager chain, TestChain winner)
    {
        using var fresh = Replay(winner.Blocks);
        chain.Tip.Hash.Should().Be(fresh.Tip.Hash);
        chain.GetUtxoSetInfo().Should().Be(fresh.GetUtxoSetInfo());
        chain.TipDrivechainState.ComputeDigest().Should().Be(fresh.TipDrivechainState.ComputeDigest());
        chain.TipDrivechainState.Should().Be(fresh.TipDrivechainState);
    }

    private static DrivechainActivity ActiveSlotWithDeposit()
    {
        var activity = new DrivechainActivity(new TestChain(Network.Regtest));
        activity.Chain.MineMany(101);
        activity.ActivateSlot(0, "zero");
        activity.MineDeposit(0, 10 * Money.Coin);
        return activity;
    }

    [Fact]
    public void A_two_block_reorg_across_a_payout_and_a_deposit_gives_the_state_of_a_fresh_node()
    {
        var activity = ActiveSlotWithDeposit();
        var (m6, id) = activity.Withdrawal(0, 2 * Money.Coin);
        var votes = activity.Votes(0);
        activity.Chain.Mine(d => d.CoinbaseOutputs.Add(new TxOut(Money.Zero, new Consensus.Messages.M3ProposeBundle(0, id).ToScript())));
        for (int i = 0; i < 4; i++) activity.Chain.Mine(d => d.CoinbaseOutputs.Add(new TxOut(Money.Zero, votes.ToScript())));
        var a = activity.Fork();
        var b = activity.Fork();
        // a: the fifth vote, then the payout.
        a.Chain.Mine(d => d.CoinbaseOutputs.Add(new TxOut(Money.Zero, votes.ToScript())));
        a.Chain.Mine(d => d.Add(m6, 10_000));
        // b: an alarm instead, then two deposits: three blocks, more work.
        b.Chain.Mine(d => { d.ExtraNonce = 1; d.CoinbaseOutputs.Add(new TxOut(Money.Zero, Consensus.Messages.M4AckBundles.OneByte(0xfe).ToScript())); });
        b.MineDeposit(0, 3 * Money.Coin, "b-1", nonce: 1);
        b.MineDeposit(0, 4 * Money.Coin, "b-2", nonce: 1);
        using var chain = Replay(a.Chain.Blocks);
        chain.TipDrivechainState.GetCtip(0)!.Value.Value.Satoshis.Should().Be(m6.Outputs[0].Value.Satoshis, "branch a paid the bundle out");
        var paidState = chain.TipDrivechainState.ComputeDigest();

        foreach (var block in b.Chain.Blocks.Skip(a.Chain.Blocks.Count - 2)) chain.SubmitBlock(block);

        chain.Tip.Hash.Should().Be(b.Chain.TipHash);
        chain.TipDrivechainState.ComputeDigest().Should().NotBe(paidState);
        ShouldEqualFreshNodeOf(chain, b.Chain);
    }

    [Fact]
    public void A_hundred_block_reorg_across_activation_deposits_votes_and_a_payout_gives_the_state_of_a_fresh_node()
    {
        var common = new DrivechainActivity(new TestChain(Network.Regtest));
        common.Chain.MineMany(120);
        var a = common.Fork();
        var b = common.Fork();
        // a: slot 0 activated, deposits, a paid bundle, then more deposits: 100 blocks.
        a.ActivateSlot(0, "alpha");
        a.MineDeposit(0, 20 * Money.Coin, "a-1");
        a.ProposeVoteAndPay(0, 5 * Money.Coin);
        while (a.Chain.Height < 220) a.MineDeposit(0, Money.Coin, $"a-{a.Chain.Height}");
        // b: slot 7 activated instead, its own deposits and payout: 101 blocks.
        b.ActivateSlot(7, "beta", nonce: 2);
        b.MineDeposit(7, 30 * Money.Coin, "b-1", nonce: 2);
        b.ProposeVoteAndPay(7, 6 * Money.Coin, nonce: 2);
        while (b.Chain.Height < 221) b.MineDeposit(7, Money.Coin, $"b-{b.Chain.Height}", nonce: 2);
        using var chain = Replay(a.Chain.Blocks);
        chain.TipDrivechainState.IsActive(0).Should().BeTrue();

        foreach (var block in b.Chain.Blocks.Skip(120)) chain.SubmitBlock(block);

        chain.Height.Should().Be(221);
        chain.TipDrivechainState.IsActive(0).Should().BeFalse();
        chain.TipDrivechainState.IsActive(7).Should().BeTrue();
        ShouldEqualFreshNodeOf(chain, b.Chain);
    }

    [Fact]
    public void A_branch_whose_block_breaks_a_drivechain_rule_is_rejected_with_the_drivechain_code_and_the_chain_stays()
    {
        var activity = ActiveSlotWithDeposit();
        using var chain = Replay(activity.Chain.Blocks);
        var before = chain.TipDrivechainState;
        // An M4 with two votes while one slot is active.
        var bad = activity.Chain.Build(d => d.CoinbaseOutputs.Add(new TxOut(Money.Zero, Consensus.Messages.M4AckBundles.OneByte(0xff, 0xff).ToScript())));

        var outcome = chain.SubmitBlock(bad);

        outcome.Should().BeOfType<SubmitOutcome.Rejected>().Which.Code.Should().Be("M4_VOTE_COUNT_MISMATCH");
        chain.Tip.Hash.Should().Be(activity.Chain.TipHash);
        chain.TipDrivechainState.Should().Be(before);
        chain.GetBlockIndex(bad.Hash)!.IsFailed.Should().BeTrue();
    }
}
