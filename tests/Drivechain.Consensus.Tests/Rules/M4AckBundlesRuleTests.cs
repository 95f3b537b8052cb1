using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;
using Drivechain.Testing.Consensus;

namespace Drivechain.Consensus.Tests.Rules;

public class M4AckBundlesRuleTests
{
    private static readonly M6Id A = Ids.M6(0xA), B = Ids.M6(0xB), C = Ids.M6(0xC);
    private readonly DrivechainValidator _validator = new(DrivechainParams.Mainnet);

    private ConnectOutcome Connect(DrivechainState state, string m4Hex, int height = 100) =>
        _validator.Connect(state, new DrivechainBlockBuilder(Ids.Hash("prev", height), height).WithCoinbaseOutputHex(m4Hex).Build(), height);

    private static ushort[] Acks(DrivechainState state, byte slot) => [.. state.GetPendingBundles(slot).Select(b => b.Acks)];

    private static DrivechainState WalkThroughState() =>
        new DrivechainStateBuilder().Active(1).Active(3).Bundles(1, (A, 5), (B, 2)).Bundles(3, (C, 0)).Build();

    [Fact]
    public void Section_9_4_walk_through_upvote_then_repeat_previous()
    {
        var x = Connect(WalkThroughState(), "6a07d77d17760101fe").ShouldBeAccepted();
        Acks(x.State, 1).Should().Equal(4, 3);       // B upvoted, A −1
        Acks(x.State, 3).Should().Equal(0);          // alarm found no positive bundle
        x.State.M4Record.Should().Equal(M4Action.Upvote(1, B));

        var next = Connect(x.State, "6a05d77d177600", 101).ShouldBeAccepted();
        Acks(next.State, 1).Should().Equal(3, 4);
        Acks(next.State, 3).Should().Equal(0);
        next.State.M4Record.Should().Equal(M4Action.Upvote(1, B));
    }

    [Fact]
    public void Section_9_4_leading_by_50_upvotes_the_leader()
    {
        var state = new DrivechainStateBuilder().Active(1).Bundles(1, (A, 120), (B, 60), (C, 60)).Build();
        var after = Connect(state, "6a05d77d177603").ShouldBeAccepted().State;
        Acks(after, 1).Should().Equal(121, 59, 59);
        after.M4Record.Should().Equal(M4Action.Upvote(1, A));
    }

    [Fact]
    public void Section_9_4_leading_by_49_changes_nothing()
    {
        var state = new DrivechainStateBuilder().Active(1).Bundles(1, (A, 120), (B, 71), (C, 60)).Build();
        var after = Connect(state, "6a05d77d177603").ShouldBeAccepted().State;
        Acks(after, 1).Should().Equal(120, 71, 60);
        after.M4Record.Should().BeEmpty();
    }

    [Fact]
    public void Leading_by_50_ignores_a_tie_for_first_place()
    {
        var state = new DrivechainStateBuilder().Active(1).Bundles(1, (A, 100), (B, 100)).Build();
        Acks(Connect(state, "6a05d77d177603").ShouldBeAccepted().State, 1).Should().Equal(100, 100);
    }

    [Fact]
    public void Leading_by_50_with_a_single_bundle_compares_against_zero()
    {
        var state = new DrivechainStateBuilder().Active(1).Bundles(1, (A, 50)).Build();
        Acks(Connect(state, "6a05d77d177603").ShouldBeAccepted().State, 1).Should().Equal(51);
    }

    [Fact]
    public void Alarm_decrements_every_positive_bundle_and_is_recorded()
    {
        var state = new DrivechainStateBuilder().Active(1).Bundles(1, (A, 3), (B, 0)).Build();
        var after = Connect(state, "6a06d77d177601fe").ShouldBeAccepted().State;
        Acks(after, 1).Should().Equal(2, 0);
        after.M4Record.Should().Equal(M4Action.Alarm(1));
        var repeated = Connect(after, "6a05d77d177600", 101).ShouldBeAccepted().State;
        Acks(repeated, 1).Should().Equal(1, 0);
    }

    [Fact]
    public void Repeat_previous_after_a_no_op_alarm_repeats_nothing()
    {
        var state = new DrivechainStateBuilder().Active(1).Bundles(1, (A, 0)).Build();
        var after = Connect(state, "6a06d77d177601fe").ShouldBeAccepted().State;
        after.M4Record.Should().BeEmpty();
        var withBundle = new DrivechainStateBuilder(after).Bundles(1, (A, 4)).Build();
        Acks(Connect(withBundle, "6a05d77d177600", 101).ShouldBeAccepted().State, 1).Should().Equal(4);
    }

    [Fact]
    public void Repeat_previous_replays_by_M6ID_not_by_index_and_drops_gone_bundles()
    {
        var state = new DrivechainStateBuilder().Active(1).Active(2).Bundles(1, (B, 3), (A, 2)).Bundles(2, (C, 1))
            .M4Record(M4Action.Upvote(1, A), M4Action.Upvote(2, Ids.M6(99))).Build();
        var after = Connect(state, "6a05d77d177600").ShouldBeAccepted().State;
        Acks(after, 1).Should().Equal(2, 3);
        Acks(after, 2).Should().Equal(1);
        after.M4Record.Should().Equal(M4Action.Upvote(1, A));
    }

    [Fact]
    public void Repeat_previous_with_an_empty_previous_record_does_nothing()
    {
        var state = WalkThroughState();
        var after = Connect(state, "6a05d77d177600").ShouldBeAccepted().State;
        after.Should().Be(state);
    }

    [Fact]
    public void Two_byte_votes_254_and_255_are_plain_indices()
    {
        var bundles = Enumerable.Range(0, 256).Select(i => (Ids.M6(i), (ushort)0)).ToArray();
        var state = new DrivechainStateBuilder().Active(1).Active(2).Bundles(1, bundles).Bundles(2, bundles).Build();
        var after = Connect(state, "6a09d77d177602fe00ff00").ShouldBeAccepted().State;
        after.GetPendingBundles(1)[254].Acks.Should().Be(1);
        after.GetPendingBundles(2)[255].Acks.Should().Be(1);
    }

    [Fact]
    public void Two_byte_votes_all_within_byte_range_are_rejected()
    {
        var state = new DrivechainStateBuilder().Active(1).Bundles(1, (A, 1)).Build();
        Connect(state, "6a07d77d1776020000").ShouldBeRejected(RejectCode.M4TwoBytesWithinByteRange);
    }

    [Fact]
    public void An_empty_two_byte_vector_is_rejected_even_with_no_active_slot()
    {
        Connect(DrivechainState.Empty, "6a05d77d177602").ShouldBeRejected(RejectCode.M4TwoBytesWithinByteRange);
    }

    [Fact]
    public void An_empty_one_byte_vector_is_valid_only_without_active_slots()
    {
        Connect(DrivechainState.Empty, "6a05d77d177601").ShouldBeAccepted();
        Connect(WalkThroughState(), "6a05d77d177601").ShouldBeRejected(RejectCode.M4VoteCountMismatch);
    }

    [Theory]
    [InlineData("6a06d77d177601ff")]
    [InlineData("6a08d77d177601ffffff")]
    [InlineData("6a07d77d177602ffff")]
    [InlineData("6a0bd77d177602ffffffffffff")]
    public void Vote_vectors_shorter_or_longer_than_the_active_slots_are_rejected(string hex)
    {
        Connect(WalkThroughState(), hex).ShouldBeRejected(RejectCode.M4VoteCountMismatch);
    }

    [Fact]
    public void A_vote_for_a_missing_index_is_M4_UNKNOWN_BUNDLE()
    {
        Connect(WalkThroughState(), "6a07d77d17760102ff").ShouldBeRejected(RejectCode.M4UnknownBundle);
        Connect(WalkThroughState(), "6a07d77d177601ff01").ShouldBeRejected(RejectCode.M4UnknownBundle);
    }

    [Fact]
    public void A_saturated_bundle_is_not_upvoted_and_not_recorded()
    {
        var state = new DrivechainStateBuilder().Active(1).Bundles(1, (A, 65535), (B, 3)).Build();
        var after = Connect(state, "6a06d77d17760100").ShouldBeAccepted().State;
        Acks(after, 1).Should().Equal(65535, 3);
        after.M4Record.Should().BeEmpty();
    }

    [Fact]
    public void A_block_without_M4_changes_no_counter_and_leaves_an_empty_record()
    {
        var state = new DrivechainStateBuilder(WalkThroughState()).M4Record(M4Action.Upvote(1, A)).Build();
        var after = _validator.Connect(state, new DrivechainBlockBuilder(Ids.Hash("p", 1), 100).Build(), 100).ShouldBeAccepted().State;
        Acks(after, 1).Should().Equal(5, 2);
        after.M4Record.Should().BeEmpty();
    }

    [Fact]
    public void Upvote_never_takes_a_sibling_below_zero()
    {
        var state = new DrivechainStateBuilder().Active(1).Bundles(1, (A, 0), (B, 0), (C, 2)).Build();
        Acks(Connect(state, "6a06d77d17760100").ShouldBeAccepted().State, 1).Should().Equal(1, 0, 1);
    }
}
