using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Rules;
using Drivechain.Consensus.State;
using Drivechain.Testing.Consensus;

namespace Drivechain.Consensus.Tests;

/// <summary>Spec §4.9 timelines (SHORT thresholds 10 / 5) and the mainnet expiry arithmetic.</summary>
public class TimelineTests
{
    private static readonly byte[] D = Ids.Description("timeline");

    [Fact]
    public void A_proposal_acked_every_block_activates_at_p_plus_6()
    {
        var chain = new ChainBuilder(DrivechainParams.Short);
        chain.Mine(b => b.WithM1(0, D));
        int p = chain.Height;
        for (int i = 1; i <= 5; i++)
        {
            chain.Mine(b => b.WithM2(0, Hashes.Sha256d(D)));
            chain.State.IsActive(0).Should().BeFalse($"acks {i} at p+{i}");
        }
        chain.Mine(b => b.WithM2(0, Hashes.Sha256d(D)));
        var sidechain = chain.State.GetSidechain(0)!;
        (sidechain.ActivationHeight, sidechain.Acks, sidechain.ProposalHeight).Should().Be((p + 6, (ushort)6, p));
        chain.State.Proposals.Should().BeEmpty();
    }

    [Fact]
    public void A_proposal_never_acked_is_removed_at_p_plus_6()
    {
        var chain = new ChainBuilder(DrivechainParams.Short);
        chain.Mine(b => b.WithM1(0, D));
        chain.MineEmpty(4);
        chain.State.Proposals.Should().ContainSingle("still there at p+4");
        chain.MineEmpty(1);
        chain.State.Proposals.Should().ContainSingle("still there at p+5");
        chain.MineEmpty(1);
        chain.State.Proposals.Should().BeEmpty("removed at p+6");
    }

    private static (ChainBuilder Chain, Transaction Blinded, int P) BundleAt()
    {
        var chain = new ChainBuilder(DrivechainParams.Short).WithActiveSidechain(1);
        chain.Deposit(1, 1_000_000);
        var blinded = DrivechainTransactions.BlindedWithdrawal(new Money(100), (DrivechainTransactions.PayoutScript(9), new Money(5_000)));
        chain.Mine(b => b.WithM3(1, M6IdOf(blinded)));
        return (chain, blinded, chain.Height);
    }

    private static Consensus.Messages.M6Id M6IdOf(Transaction blinded) => Consensus.Messages.M6Id.OfBlinded(blinded);

    [Fact]
    public void A_bundle_upvoted_every_block_can_be_paid_in_p_plus_5_after_that_blocks_M4()
    {
        var (chain, blinded, p) = BundleAt();
        for (int i = 1; i <= 4; i++) chain.Mine(b => b.WithM4(chain.UpvoteOnly(1, 0)));
        chain.State.GetPendingBundles(1)[0].Acks.Should().Be(5);
        var m6 = DrivechainTransactions.Withdrawal(blinded, 1, chain.State.GetCtip(1)!.Value);
        chain.TryMine(b => b.WithM4(chain.UpvoteOnly(1, 0)).WithTransaction(m6)).ShouldBeAccepted();
        chain.Height.Should().Be(p + 5);
    }

    [Fact]
    public void A_bundle_can_be_paid_up_to_p_plus_10_and_is_removed_while_connecting_p_plus_11()
    {
        var (chain, blinded, p) = BundleAt();
        for (int i = 1; i <= 5; i++) chain.Mine(b => b.WithM4(chain.UpvoteOnly(1, 0)));
        chain.MineEmpty(4);
        chain.Height.Should().Be(p + 9);
        var m6 = DrivechainTransactions.Withdrawal(blinded, 1, chain.State.GetCtip(1)!.Value);

        chain.TryMine(b => b.WithTransaction(m6)).ShouldBeAccepted("p+10 is the last height");
        chain.DisconnectTip();
        chain.MineEmpty(1);
        chain.State.GetPendingBundles(1).Should().ContainSingle("pending through p+10");
        var outcome = chain.TryMine(b => b.WithTransaction(m6));
        outcome.ShouldBeRejected(RejectCode.M6UnknownBundle);
        var expired = chain.Mine();
        expired.State.GetPendingBundles(1).Should().BeEmpty();
        expired.Events.Should().ContainEquivalentOf(new DrivechainEvent.BundleFailed(1, M6IdOf(blinded)));
        chain.Height.Should().Be(p + 11);
    }

    [Theory]
    [InlineData(201, 0, false)]
    [InlineData(202, 0, true)]
    [InlineData(202, 2, false)]
    [InlineData(2015, 1815, false)]
    [InlineData(2016, 1815, true)]
    [InlineData(2017, 2000, true)]
    public void Mainnet_unused_slot_proposals_expire_when_they_can_no_longer_pass(int age, int acks, bool expired)
    {
        var p = DrivechainParams.Mainnet;
        p.UnusedSlotMaxFails.Should().Be(201);
        var proposal = new SidechainProposal(1, [.. D], (ushort)acks, 100);
        ProposalExpiryStage.IsExpired(proposal, 100 + age, p.UnusedSlotProposalMaxAge, p.UnusedSlotMaxFails).Should().Be(expired);
    }

    [Fact]
    public void Mainnet_used_slot_max_fails_is_13150()
    {
        DrivechainParams.Mainnet.UsedSlotMaxFails.Should().Be(13150);
        (DrivechainParams.Short with { UnusedSlotActivationThreshold = 50 }).UnusedSlotMaxFails.Should().Be(0, "subtraction saturates");
    }
}
