using Drivechain.Testing.Consensus;

namespace Drivechain.Consensus.Tests.Rules;

public class M3ProposeBundleRuleTests
{
    private readonly ChainBuilder _chain = new ChainBuilder(DrivechainParams.Short).WithActiveSidechain(1);

    [Fact]
    public void Proposal_for_inactive_slot_is_rejected()
    {
        _chain.TryMine(b => b.WithM3(2, Ids.M6(1))).ShouldBeRejected(RejectCode.M3InactiveSidechain);
    }

    [Fact]
    public void Proposal_of_a_pending_bundle_is_rejected()
    {
        _chain.Mine(b => b.WithM3(1, Ids.M6(1)));
        _chain.TryMine(b => b.WithM3(1, Ids.M6(1))).ShouldBeRejected(RejectCode.M3BundleAlreadyPending);
    }

    [Fact]
    public void The_same_M6ID_twice_in_one_coinbase_is_rejected()
    {
        _chain.TryMine(b => b.WithM3(1, Ids.M6(1)).WithM3(1, Ids.M6(1))).ShouldBeRejected(RejectCode.M3BundleAlreadyPending);
    }

    [Fact]
    public void Several_bundles_per_slot_per_block_are_appended_in_vout_order_with_one_ack()
    {
        var state = _chain.TryMine(b => b.WithM3(1, Ids.M6(2)).WithM3(1, Ids.M6(1))).ShouldBeAccepted().State;
        state.GetPendingBundles(1).Should().Equal(
            new Consensus.State.PendingBundle(Ids.M6(2), 1, _chain.Height),
            new Consensus.State.PendingBundle(Ids.M6(1), 1, _chain.Height));
    }

    [Fact]
    public void An_M3_after_the_activating_M2_in_the_same_coinbase_is_valid()
    {
        var chain = new ChainBuilder(DrivechainParams.Short);
        var d = Ids.Description("late");
        chain.Mine(b => b.WithM1(4, d));
        for (int i = 0; i < 5; i++) chain.Mine(b => b.WithM2(4, Bitcoin.Crypto.Hashes.Sha256d(d)));
        chain.State.IsActive(4).Should().BeFalse();
        chain.TryMine(b => b.WithM3(4, Ids.M6(1))).ShouldBeRejected(RejectCode.M3InactiveSidechain);
        chain.TryMine(b => b.WithM2(4, Bitcoin.Crypto.Hashes.Sha256d(d)).WithM3(4, Ids.M6(1))).ShouldBeAccepted()
            .State.GetPendingBundles(4).Should().ContainSingle();
    }
}
