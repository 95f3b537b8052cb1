using Drivechain.Consensus.Messages;
using Drivechain.Consensus.Rules;
using Drivechain.Consensus.State;
using Drivechain.Testing.Consensus;

namespace Drivechain.Consensus.Tests;

public class DrivechainValidatorTests
{
    [Fact]
    public void The_default_stages_follow_section_4_1()
    {
        new DrivechainValidator(DrivechainParams.Short).Stages.Select(s => s.Id).Should().Equal(
            StageId.DuplicateMessages, StageId.ApplyCoinbaseMessages, StageId.ProposalExpiry, StageId.BundleExpiry, StageId.Transactions);
    }

    [Fact]
    public void Pre_activation_blocks_are_plain_bitcoin_with_an_empty_undo()
    {
        var validator = new DrivechainValidator(DrivechainParams.TestActivation);
        var block = new DrivechainBlockBuilder(Ids.Hash("p", 9), 9).WithM3(5, Ids.M6(1)).WithM4(M4AckBundles.OneByte(1, 2)).Build();
        var accepted = validator.Connect(DrivechainState.Empty, block, 9).ShouldBeAccepted();
        accepted.State.Should().Be(DrivechainState.Empty);
        accepted.Undo.IsEmpty.Should().BeTrue();
        accepted.Events.Should().BeEmpty();
        validator.Connect(DrivechainState.Empty, block, 10).ShouldBeRejected(RejectCode.M3InactiveSidechain);
    }

    [Fact]
    public void A_pre_activation_block_leaves_an_empty_M4_record_and_its_undo_restores_the_old_one()
    {
        var validator = new DrivechainValidator(DrivechainParams.Short with { ActivationHeight = 50 });
        var state = new DrivechainStateBuilder().Active(1).Bundles(1, (Ids.M6(1), 2)).M4Record(M4Action.Upvote(1, Ids.M6(1))).Build();
        var accepted = validator.Connect(state, new DrivechainBlockBuilder(Ids.Hash("p", 3), 3).Build(), 3).ShouldBeAccepted();
        accepted.State.M4Record.Should().BeEmpty();
        validator.Disconnect(accepted.State, accepted.Undo).Should().Be(state);
    }

    [Fact]
    public void Connect_then_disconnect_restores_the_previous_state()
    {
        var chain = new ChainBuilder(DrivechainParams.Short).WithActiveSidechain(0);
        var block = chain.NextBlock().WithM3(0, Ids.M6(1)).Build();
        var accepted = chain.Validator.Connect(chain.State, block, chain.Height + 1).ShouldBeAccepted();
        chain.Validator.Disconnect(accepted.State, accepted.Undo).Should().Be(chain.State);
    }

    [Fact]
    public void A_rejected_block_leaves_the_input_state_untouched()
    {
        var chain = new ChainBuilder(DrivechainParams.Short).WithActiveSidechain(0);
        var before = chain.State.ComputeDigest();
        chain.TryMine(b => b.WithM3(0, Ids.M6(1)).WithM3(0, Ids.M6(1))).ShouldBeRejected(RejectCode.M3BundleAlreadyPending);
        chain.State.ComputeDigest().Should().Be(before);
    }

    [Fact]
    public void An_explicit_stage_list_is_used_as_given()
    {
        var p = DrivechainParams.Short;
        var validator = new DrivechainValidator(p, [new DuplicateMessagesStage()]);
        var block = new DrivechainBlockBuilder(Ids.Hash("p", 1), 1).WithM3(5, Ids.M6(1)).Build();
        validator.Connect(DrivechainState.Empty, block, 1).ShouldBeAccepted("the apply stage is not in the list");
    }

    [Fact]
    public void Presets_carry_the_spec_thresholds()
    {
        DrivechainParams.ForNetwork("main").Should().Be(DrivechainParams.Mainnet);
        DrivechainParams.ForNetwork("regtest").Should().Be(DrivechainParams.Short);
        DrivechainParams.ForNetwork("signet").Should().Be(DrivechainParams.Short);
        DrivechainParams.Mainnet.Should().Be(new DrivechainParams(26300, 13150, 26300, 13150, 2016, 1815, 0));
        DrivechainParams.Forknet.Should().Be(new DrivechainParams(144, 72, 144, 72, 36, 30, 0));
        DrivechainParams.Drynet4.ActivationHeight.Should().Be(961632);
        DrivechainParams.Alphanet.ActivationHeight.Should().Be(963648);
        DrivechainParams.TestActivation.Should().Be(DrivechainParams.Short with { ActivationHeight = 10 });
    }

    [Fact]
    public void Every_reject_code_has_a_distinct_wire_string_that_parses_back()
    {
        var strings = RejectCodes.All.Select(c => c.ToWireString()).ToList();
        strings.Should().OnlyHaveUniqueItems();
        foreach (var code in RejectCodes.All)
        {
            RejectCodes.TryParse(code.ToWireString(), out var parsed).Should().BeTrue();
            parsed.Should().Be(code);
        }
        new Rejection(RejectCode.M5M6Ambiguous, "x").CodeString.Should().Be("M5_M6_AMBIGUOUS");
    }
}
