using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;
using Drivechain.Testing.Consensus;

namespace Drivechain.Consensus.Tests;

/// <summary>
/// Spec §11: where the BIP text / new spec and the enforcer disagree, the enforcer's behaviour is followed.
/// Rows covered elsewhere: #2 framing (CoinbaseMessageTests), #4 M3 body, #5 opaque M1, #6 M1 count and
/// #7 M2 count (DuplicateMessagesStageTests), #9 and #10 (M3ProposeBundleRuleTests), #13, #18, #19, #20
/// (TreasuryRuleTests), #14 and #16 (M4AckBundlesRuleTests), #12 (TimelineTests), #21 (ProposalRulesTests).
/// </summary>
public class DivergenceTests
{
    [Fact]
    public void Row_1_an_M2_with_the_BIP_tag_bf_does_not_ack()
    {
        var chain = new ChainBuilder(DrivechainParams.Short);
        var d = Ids.Description("x");
        chain.Mine(b => b.WithM1(0, d));
        var bf = "6a25d6e1c5bf00" + Hashes.Sha256d(d).ToInternalHex();
        chain.Mine(b => b.WithCoinbaseOutputHex(bf));
        chain.State.GetProposals(0)[0].Acks.Should().Be(0);
        chain.Mine(b => b.WithM2(0, Hashes.Sha256d(d)));
        chain.State.GetProposals(0)[0].Acks.Should().Be(1);
    }

    [Fact]
    public void Row_3_the_M2_body_is_slot_then_hash()
    {
        new M2AckSidechain(7, new UInt256(1)).ToPayload()[4].Should().Be(7);
    }

    [Fact]
    public void Row_8_an_unused_slot_needs_more_than_1815_acks_within_2016_blocks_on_mainnet()
    {
        var validator = new DrivechainValidator(DrivechainParams.Mainnet);
        var state = new DrivechainStateBuilder().Proposal(1, "m", acks: 1814, height: 100).Build();
        var hash = state.GetProposals(1)[0].DescriptionHash;
        Block Ack(int h) => new DrivechainBlockBuilder(Ids.Hash("p", h), h).WithM2(1, hash).Build();
        var once = validator.Connect(state, Ack(2000), 2000).ShouldBeAccepted().State;
        once.IsActive(1).Should().BeFalse("1815 is not > 1815");
        var twice = validator.Connect(once, Ack(2116), 2116).ShouldBeAccepted().State;
        twice.IsActive(1).Should().BeTrue("1816 > 1815 at age 2016");
    }

    [Fact]
    public void Row_11_a_paid_M6ID_may_be_proposed_again_with_fresh_counters()
    {
        var chain = new ChainBuilder(DrivechainParams.Short).WithActiveSidechain(1);
        chain.Deposit(1, 100_000);
        var blinded = DrivechainTransactions.BlindedWithdrawal(new Money(10), (DrivechainTransactions.PayoutScript(1), new Money(100)));
        var id = chain.ProposeAndApprove(1, blinded);
        chain.Mine(b => b.WithTransaction(DrivechainTransactions.Withdrawal(blinded, 1, chain.State.GetCtip(1)!.Value)));
        chain.TryMine(b => b.WithM3(1, id)).ShouldBeAccepted().State.GetPendingBundles(1)
            .Should().Equal(new PendingBundle(id, 1, chain.Height));
    }

    [Fact]
    public void Row_15_an_upvote_decrements_only_positive_siblings_and_abstain_changes_nothing()
    {
        var state = new DrivechainStateBuilder().Active(1).Active(2)
            .Bundles(1, (Ids.M6(1), 3), (Ids.M6(2), 3)).Bundles(2, (Ids.M6(3), 3)).Build();
        var validator = new DrivechainValidator(DrivechainParams.Mainnet);
        var block = new DrivechainBlockBuilder(Ids.Hash("p", 5), 5).WithM4(M4AckBundles.OneByte(1, 0xff)).Build();
        var after = validator.Connect(state, block, 5).ShouldBeAccepted().State;
        after.GetPendingBundles(1).Select(b => (int)b.Acks).Should().Equal(2, 4);
        after.GetPendingBundles(2).Select(b => (int)b.Acks).Should().Equal(3);
    }

    [Fact]
    public void Row_15_votes_are_never_invalid_for_lack_of_bundles_anywhere()
    {
        var state = new DrivechainStateBuilder().Active(1).Build();
        var validator = new DrivechainValidator(DrivechainParams.Mainnet);
        var block = new DrivechainBlockBuilder(Ids.Hash("p", 5), 5).WithM4(M4AckBundles.OneByte(0xff)).Build();
        validator.Connect(state, block, 5).ShouldBeAccepted();
    }

    [Fact]
    public void Row_17_an_approved_bundle_need_not_be_paid()
    {
        var chain = new ChainBuilder(DrivechainParams.Short).WithActiveSidechain(1);
        chain.Deposit(1, 100_000);
        chain.ProposeAndApprove(1, Ids.M6(1));
        chain.TryMine().ShouldBeAccepted().State.GetPendingBundles(1).Should().ContainSingle();
    }
}
