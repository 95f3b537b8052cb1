using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;
using Drivechain.Testing.Consensus;

namespace Drivechain.Consensus.Tests.State;

public class DrivechainStateTests
{
    private static DrivechainState Rich()
    {
        var chain = new ChainBuilder(DrivechainParams.Short).WithActiveSidechains(1, 255);
        chain.Deposit(1, 50_000);
        chain.Deposit(1, 25_000);
        chain.Mine(b => b.WithM3(255, Ids.M6(1)).WithM3(1, Ids.M6(2)).WithM1(7, Ids.Description("p")).WithM7(3, Ids.SidechainBlock(1)));
        chain.Mine(b => b.WithM4(M4AckBundles.OneByte(0, 0)).WithM7(4, Ids.SidechainBlock(2)));
        return chain.State;
    }

    [Fact]
    public void Empty_has_nothing_and_a_stable_digest()
    {
        var empty = DrivechainState.Empty;
        empty.ActiveSlotCount.Should().Be(0);
        empty.Proposals.Should().BeEmpty();
        empty.AllPendingBundles.Should().BeEmpty();
        empty.ToBytes().Should().Equal(1, 0, 0, 0);
        empty.ComputeDigest().Should().Be(Bitcoin.Crypto.Hashes.Sha256d(new byte[] { 1, 0, 0, 0 }));
    }

    [Fact]
    public void A_state_round_trips_through_its_bytes_with_equal_digest()
    {
        var state = Rich();
        var parsed = DrivechainState.Parse(state.ToBytes());
        parsed.Should().Be(state);
        parsed.ComputeDigest().Should().Be(state.ComputeDigest());
        parsed.M4Record.Should().Equal(M4Action.Upvote(1, Ids.M6(2)), M4Action.Upvote(255, Ids.M6(1)));
        parsed.BmmAccepts.Should().Equal(new BmmAccept(4, Ids.SidechainBlock(2)));
        parsed.TryGetCtipSlot(state.GetCtip(1)!.Value.OutPoint, out var slot).Should().BeTrue();
        slot.Should().Be(1);
    }

    [Fact]
    public void Different_states_have_different_digests()
    {
        var a = Rich();
        var b = new DrivechainStateBuilder(a).Bundles(1, (Ids.M6(2), 9)).Build();
        b.Should().NotBe(a);
        b.ComputeDigest().Should().NotBe(a.ComputeDigest());
    }

    [Fact]
    public void Queries_report_sidechains_bundles_ctip_and_history()
    {
        var state = Rich();
        state.ActiveSidechains.Select(s => s.Slot).Should().Equal(1, 255);
        state.GetSidechain(255)!.ActivationHeight.Should().Be(7);
        state.GetPendingBundles(1).Should().ContainSingle().Which.Acks.Should().Be(2);
        state.GetCtip(1)!.Value.Value.Satoshis.Should().Be(75_000);
        state.GetTreasuryHistory(1).Select(e => (e.Seq, e.TotalValue.Satoshis, e.PreviousTotalValue.Satoshis))
            .Should().Equal((0, 50_000L, 0L), (1, 75_000L, 50_000L));
        state.Proposals.Should().ContainSingle().Which.Slot.Should().Be(7);
    }

    [Fact]
    public void Malformed_state_bytes_are_a_parse_error_never_another_exception()
    {
        var bytes = Rich().ToBytes();
        var random = new Random(7);
        for (int i = 0; i < 3000; i++)
        {
            var mutated = (byte[])bytes.Clone();
            if (i % 3 == 0) mutated = mutated[..random.Next(mutated.Length)];
            else mutated[random.Next(mutated.Length)] ^= (byte)(1 + random.Next(255));
            var act = () => DrivechainState.TryParse(mutated, out _, out _);
            act.Should().NotThrow();
            var undo = () => BlockUndo.TryParse(mutated, out _, out _);
            undo.Should().NotThrow();
        }
        var trailing = bytes.Append((byte)0).ToArray();
        DrivechainState.TryParse(trailing, out _, out var error).Should().BeFalse();
        error.IsError.Should().BeTrue();
        var parse = () => DrivechainState.Parse(trailing);
        parse.Should().Throw<ParseException>();
    }

    [Fact]
    public void An_M4_only_block_stores_just_the_old_ack_counts()
    {
        var chain = new ChainBuilder(DrivechainParams.Short).WithActiveSidechains(1, 2);
        chain.Mine(b => b.WithM3(1, Ids.M6(1)).WithM3(1, Ids.M6(2)).WithM3(2, Ids.M6(3)));
        var accepted = chain.Mine(b => b.WithM4(M4AckBundles.OneByte(1, 0)));
        var bytes = accepted.Undo.ToBytes();
        // format + count + 2 × (slot, cells, count, 2 or 1 × u16) + empty records (2 bytes)
        bytes.Length.Should().Be(1 + 1 + (2 + 1 + 4) + (2 + 1 + 2) + 2);
        accepted.Undo.TouchedSlotCount.Should().Be(2);
        BlockUndo.Parse(bytes).Revert(accepted.State).Should().Be(chain.Connected[^1].Before);
    }

    [Fact]
    public void An_empty_block_after_an_empty_block_has_the_empty_undo()
    {
        var chain = new ChainBuilder(DrivechainParams.Short).MineEmpty(1);
        var accepted = chain.Mine();
        accepted.Undo.Should().BeSameAs(BlockUndo.Empty);
        BlockUndo.Parse(accepted.Undo.ToBytes()).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Reverting_with_an_undo_of_another_chain_is_a_caller_bug()
    {
        var chain = new ChainBuilder(DrivechainParams.Short).WithActiveSidechain(1);
        chain.Deposit(1, 10);
        var undo = chain.Connected[^1].Undo;
        var act = () => undo.Revert(DrivechainState.Empty);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Value_equality_ignores_object_identity()
    {
        var a = Rich();
        var b = DrivechainState.Parse(a.ToBytes());
        ReferenceEquals(a.GetSlot(1), b.GetSlot(1)).Should().BeFalse();
        a.Equals(b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.GetSlot(1).Should().Be(b.GetSlot(1));
        new PendingBundle(Ids.M6(1), 1, 1).Should().Be(new PendingBundle(Ids.M6(1), 1, 1));
        new Ctip(new OutPoint(new UInt256(1), 0), new Money(5)).Should().Be(new Ctip(new OutPoint(new UInt256(1), 0), new Money(5)));
    }

    [Fact]
    public void The_stored_undo_names_the_parents_upvoted_bundles_by_index_and_revert_resolves_them()
    {
        var chain = new ChainBuilder(DrivechainParams.Short).WithActiveSidechains(1, 2);
        chain.Deposit(1, 100_000);
        var blinded = DrivechainTransactions.BlindedWithdrawal(new Money(10), (DrivechainTransactions.PayoutScript(1), new Money(100)));
        chain.Mine(b => b.WithM3(1, Ids.M6(7)).WithM3(1, M6Id.OfBlinded(blinded)).WithM3(2, Ids.M6(8)));
        for (int i = 0; i < 6; i++) chain.Mine(b => b.WithM4(M4AckBundles.OneByte(1, 0)));
        chain.State.M4Record.Should().HaveCount(2);
        // The child pays the upvoted bundle of slot 1 out: the parent's record must still come back by M6ID.
        var m6 = DrivechainTransactions.Withdrawal(blinded, 1, chain.State.GetCtip(1)!.Value);
        var accepted = chain.Mine(b => b.WithTransaction(m6));
        var bytes = accepted.Undo.ToBytes();
        var parsed = BlockUndo.Parse(bytes);
        parsed.ToBytes().Should().Equal(bytes);
        var before = chain.Connected[^1].Before;
        parsed.Revert(accepted.State).Should().Be(before);
        parsed.Revert(accepted.State).M4Record.Should().Equal(before.M4Record);
        // Slot 2 is untouched by the child, so its upvoted M6ID can only be in the bytes if stored by hash.
        before.M4Record.Should().Contain(M4Action.Upvote(2, Ids.M6(8)));
        Convert.ToHexString(bytes).Should().NotContain(Convert.ToHexString(Ids.M6(8).Hash.ToBytes()), "upvotes are stored as indexes");
    }

    [Fact]
    public void WriteTo_appends_the_same_bytes_as_ToBytes_and_a_reused_buffer_gives_them_again()
    {
        var state = Rich();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4);
        System.Buffers.BuffersExtensions.Write(buffer, new byte[] { 0xee });

        state.WriteTo(buffer);

        buffer.WrittenSpan.ToArray().Should().Equal([0xee, .. state.ToBytes()]);
        buffer.ResetWrittenCount();
        DrivechainState.Empty.WriteTo(buffer);
        buffer.WrittenSpan.ToArray().Should().Equal(DrivechainState.Empty.ToBytes());
    }
}
