using Drivechain.Bitcoin.Crypto;
using Drivechain.Consensus.Messages;
using Drivechain.Testing.Consensus;

namespace Drivechain.Consensus.Tests.Rules;

public class ProposalRulesTests
{
    private readonly ChainBuilder _chain = new(DrivechainParams.Short);
    private static readonly byte[] D = Ids.Description("alpha");
    private static readonly Bitcoin.Primitives.UInt256 H = Hashes.Sha256d(D);

    [Fact]
    public void M1_adds_a_proposal_with_zero_acks_at_its_height()
    {
        _chain.Mine(b => b.WithM1(3, D));
        var p = _chain.State.GetProposals(3).Should().ContainSingle().Subject;
        (p.Acks, p.ProposalHeight, p.DescriptionHash).Should().Be(((ushort)0, 1, H));
    }

    [Fact]
    public void Re_proposing_an_existing_proposal_is_ignored_and_does_not_reset_it()
    {
        _chain.Mine(b => b.WithM1(3, D));
        _chain.Mine(b => b.WithM2(3, H));
        _chain.Mine(b => b.WithM1(3, D));
        var p = _chain.State.GetProposals(3).Should().ContainSingle().Subject;
        (p.Acks, p.ProposalHeight).Should().Be(((ushort)1, 1));
    }

    [Fact]
    public void M2_in_the_proposals_own_block_is_ignored()
    {
        _chain.Mine(b => b.WithM1(3, D).WithM2(3, H));
        _chain.State.GetProposals(3)[0].Acks.Should().Be(0);
    }

    [Fact]
    public void M2_for_an_unknown_proposal_is_ignored()
    {
        _chain.TryMine(b => b.WithM2(3, H)).ShouldBeAccepted().State.Should().Be(Consensus.State.DrivechainState.Empty);
    }

    [Fact]
    public void An_M1_equal_to_the_active_sidechain_creates_a_new_proposal()
    {
        _chain.WithActiveSidechain(2);
        var d = Ids.Description("sc2");
        _chain.Mine(b => b.WithM1(2, d));
        _chain.State.GetProposals(2).Should().ContainSingle().Which.DescriptionHash.Should().Be(Hashes.Sha256d(d));
    }

    [Fact]
    public void A_replacement_in_a_used_slot_keeps_ctip_history_and_bundles()
    {
        var used = new ChainBuilder(DrivechainParams.Short with { UsedSlotActivationThreshold = 2 });
        used.WithActiveSidechain(2);
        used.Deposit(2, 5000);
        used.Mine(b => b.WithM3(2, Ids.M6(1)));
        var d = Ids.Description("replacement");
        used.Mine(b => b.WithM1(2, d));
        for (int i = 0; i < 3; i++) used.Mine(b => b.WithM2(2, Hashes.Sha256d(d)));
        var slot = used.State.GetSlot(2);
        slot.Sidechain!.DescriptionHash.Should().Be(Hashes.Sha256d(d));
        slot.Sidechain.Acks.Should().Be(3);
        slot.Ctip!.Value.Value.Satoshis.Should().Be(5000);
        slot.History.Should().HaveCount(1);
        slot.Bundles.Should().ContainSingle().Which.M6Id.Should().Be(Ids.M6(1));
    }

    [Fact]
    public void An_unparseable_description_is_fine_because_consensus_never_parses_it()
    {
        _chain.TryMine(b => b.WithM1(7, new byte[] { 0xff })).ShouldBeAccepted().State.GetProposals(7).Should().ContainSingle();
    }

    [Fact]
    public void Proposals_are_listed_by_slot_then_proposal_height_then_first_seen()
    {
        _chain.Mine(b => b.WithM1(5, Ids.Description("z")).WithM1(1, Ids.Description("y")));
        _chain.Mine(b => b.WithM1(1, Ids.Description("a")).WithM1(1, Ids.Description("b")));
        _chain.State.Proposals.Select(p => (p.Slot, p.ProposalHeight, p.DescriptionHash)).Should().Equal(
            ((byte)1, 1, Hashes.Sha256d(Ids.Description("y"))),
            ((byte)1, 2, Hashes.Sha256d(Ids.Description("a"))),
            ((byte)1, 2, Hashes.Sha256d(Ids.Description("b"))),
            ((byte)5, 1, Hashes.Sha256d(Ids.Description("z"))));
    }
}
