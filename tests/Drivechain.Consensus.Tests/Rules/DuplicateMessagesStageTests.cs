using Drivechain.Bitcoin.Crypto;
using Drivechain.Consensus.Messages;
using Drivechain.Testing.Consensus;

namespace Drivechain.Consensus.Tests.Rules;

public class DuplicateMessagesStageTests
{
    private readonly ChainBuilder _chain = new(DrivechainParams.Short);

    [Fact]
    public void Two_identical_M1_are_M1_DUPLICATE()
    {
        var d = Ids.Description("a");
        _chain.TryMine(b => b.WithM1(1, d).WithM1(1, d)).ShouldBeRejected(RejectCode.M1Duplicate);
    }

    [Fact]
    public void M1s_with_different_slot_or_description_are_fine()
    {
        var d = Ids.Description("a");
        _chain.TryMine(b => b.WithM1(1, d).WithM1(2, d).WithM1(1, Ids.Description("b"))).ShouldBeAccepted()
            .State.Proposals.Should().HaveCount(3);
    }

    [Fact]
    public void Two_M2_for_one_slot_are_M2_DUPLICATE_SLOT_even_when_both_would_be_ignored()
    {
        _chain.TryMine(b => b.WithM2(1, Ids.Hash("x", 1)).WithM2(1, Ids.Hash("x", 2))).ShouldBeRejected(RejectCode.M2DuplicateSlot);
    }

    [Fact]
    public void Two_M4_of_any_versions_are_M4_DUPLICATE()
    {
        _chain.TryMine(b => b.WithM4(M4AckBundles.RepeatPrevious()).WithM4(M4AckBundles.UpvoteLeadingBy50()))
            .ShouldBeRejected(RejectCode.M4Duplicate);
    }

    [Fact]
    public void Two_M7_for_one_slot_are_M7_DUPLICATE_SLOT()
    {
        _chain.TryMine(b => b.WithM7(4, Ids.SidechainBlock(1)).WithM7(4, Ids.SidechainBlock(2))).ShouldBeRejected(RejectCode.M7DuplicateSlot);
    }

    [Fact]
    public void M7s_for_different_slots_are_fine()
    {
        _chain.TryMine(b => b.WithM7(4, Ids.SidechainBlock(1)).WithM7(5, Ids.SidechainBlock(1))).ShouldBeAccepted()
            .State.BmmAccepts.Should().HaveCount(2);
    }

    [Fact]
    public void The_parse_pass_reports_before_the_apply_pass_whatever_the_vout_order()
    {
        // The M3 for an inactive slot comes first, but duplicates are detected in the parse pass (§4.1).
        _chain.TryMine(b => b.WithM3(9, Ids.M6(1)).WithM2(1, Hashes.Sha256d("a"u8)).WithM2(1, Hashes.Sha256d("b"u8)))
            .ShouldBeRejected(RejectCode.M2DuplicateSlot);
    }

    [Fact]
    public void A_rejected_block_is_reported_by_its_stage()
    {
        var rejected = _chain.TryMine(b => b.WithM4(M4AckBundles.RepeatPrevious()).WithM4(M4AckBundles.RepeatPrevious()))
            .Should().BeOfType<ConnectOutcome.Rejected>().Subject;
        rejected.Stage.Should().Be(StageId.DuplicateMessages);
        rejected.Rejection.CodeString.Should().Be("M4_DUPLICATE");
    }
}
