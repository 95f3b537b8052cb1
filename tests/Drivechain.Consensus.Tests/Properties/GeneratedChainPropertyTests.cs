using Drivechain.Consensus.State;
using Drivechain.Testing.Consensus;

namespace Drivechain.Consensus.Tests.Properties;

/// <summary>Invariants over seeded random block sequences (RandomChainGenerator).</summary>
public class GeneratedChainPropertyTests
{
    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6];

    private static RandomChainGenerator Generate(int seed) => new RandomChainGenerator(seed, DrivechainParams.Short).Generate(250);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_generated_chain_exercises_the_rules(int seed)
    {
        var g = Generate(seed);
        var events = g.Chain.Connected.Select(c => c).ToList();
        g.Chain.State.ActiveSlotCount.Should().BeGreaterThan(0);
        g.Rejected.Should().NotBeEmpty();
        var all = new List<DrivechainEvent>();
        var replay = new DrivechainValidator(g.Chain.Params);
        var state = DrivechainState.Empty;
        for (int i = 0; i < events.Count; i++)
        {
            var accepted = (ConnectOutcome.Accepted)replay.Connect(state, events[i].Block, i + 1);
            all.AddRange(accepted.Events);
            state = accepted.State;
        }
        all.OfType<DrivechainEvent.DepositReceived>().Should().NotBeEmpty();
        all.OfType<DrivechainEvent.BundleSucceeded>().Should().NotBeEmpty();
        all.OfType<DrivechainEvent.BundleFailed>().Should().NotBeEmpty();
        all.OfType<DrivechainEvent.SidechainActivated>().Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Connect_then_disconnect_restores_the_identical_state_and_digest(int seed)
    {
        var g = Generate(seed);
        var validator = g.Chain.Validator;
        var state = DrivechainState.Empty;
        for (int i = 0; i < g.Chain.Connected.Count; i++)
        {
            var (block, before, _) = g.Chain.Connected[i];
            before.Should().Be(state);
            var accepted = (ConnectOutcome.Accepted)validator.Connect(state, block, i + 1);
            var reverted = validator.Disconnect(accepted.State, accepted.Undo);
            reverted.Should().Be(state, $"block {i + 1}");
            SummaryShouldMatchTheRecords(accepted.State);
            SummaryShouldMatchTheRecords(reverted);
            reverted.ComputeDigest().Should().Be(state.ComputeDigest(), $"block {i + 1}");
            var fromBytes = BlockUndo.Parse(accepted.Undo.ToBytes());
            fromBytes.ToBytes().Should().Equal(accepted.Undo.ToBytes());
            validator.Disconnect(accepted.State, fromBytes).Should().Be(state, $"block {i + 1} with the stored undo");
            state = accepted.State;
        }
    }

    // The summary bit sets a draft and a revert keep up to date, against the slot records themselves.
    private static void SummaryShouldMatchTheRecords(DrivechainState state)
    {
        var slots = Enumerable.Range(0, DrivechainState.SlotCount).Select(s => (byte)s).ToList();
        static List<int> Members(SlotSet set)
        {
            var members = new List<int>();
            foreach (int slot in set) members.Add(slot);
            return members;
        }
        Members(state.Summary.Active).Should().Equal(slots.Where(s => state.GetSidechain(s) is not null).Select(s => (int)s));
        Members(state.Summary.WithProposals).Should().Equal(slots.Where(s => !state.GetProposals(s).IsEmpty).Select(s => (int)s));
        Members(state.Summary.WithBundles).Should().Equal(slots.Where(s => !state.GetPendingBundles(s).IsEmpty).Select(s => (int)s));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Disconnecting_every_block_returns_to_empty(int seed)
    {
        var g = Generate(seed);
        while (g.Chain.Height > 0) g.Chain.DisconnectTip();
        g.Chain.State.Should().Be(DrivechainState.Empty);
        g.Chain.State.ComputeDigest().Should().Be(DrivechainState.Empty.ComputeDigest());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Replaying_the_same_blocks_twice_gives_the_same_digest(int seed)
    {
        var g = Generate(seed);
        var blocks = g.Chain.Connected.Select(c => c.Block).ToList();
        var first = Replay(g.Chain.Params, blocks);
        var second = Replay(g.Chain.Params, blocks);
        first.Should().Be(second);
        first.Should().Be(g.Chain.State.ComputeDigest());
        new RandomChainGenerator(seed, DrivechainParams.Short).Generate(250).Chain.State.ComputeDigest().Should().Be(first, "same seed, same chain");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_reorg_back_and_forth_gives_the_digest_of_a_fresh_chain(int seed)
    {
        var g = Generate(seed);
        var tail = g.Chain.Connected.Skip(g.Chain.Connected.Count - 30).Select(c => c.Block).ToList();
        var expected = g.Chain.State.ComputeDigest();
        for (int i = 0; i < 30; i++) g.Chain.DisconnectTip();
        foreach (var block in tail) ((ConnectOutcome.Accepted)g.Chain.Submit(block)).Should().NotBeNull();
        g.Chain.State.ComputeDigest().Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_slot_has_at_most_one_ctip_and_the_ctip_index_agrees(int seed)
    {
        var g = Generate(seed);
        foreach (var (_, before, _) in g.Chain.Connected.Append((null!, g.Chain.State, null!)))
        {
            var ctips = Enumerable.Range(0, 256).Select(s => (Slot: (byte)s, Ctip: before.GetCtip((byte)s))).Where(x => x.Ctip is not null).ToList();
            ctips.Select(x => x.Ctip!.Value.OutPoint).Should().OnlyHaveUniqueItems();
            foreach (var (slot, ctip) in ctips)
            {
                before.TryGetCtipSlot(ctip!.Value.OutPoint, out var found).Should().BeTrue();
                found.Should().Be(slot);
                before.GetTreasuryHistory(slot)[^1].OutPoint.Should().Be(ctip.Value.OutPoint);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Vote_counts_move_by_at_most_one_per_block(int seed)
    {
        var g = Generate(seed);
        var states = g.Chain.Connected.Select(c => c.Before).Append(g.Chain.State).ToList();
        int compared = 0;
        for (int i = 1; i < states.Count; i++)
        {
            foreach (var (slot, bundle) in states[i].AllPendingBundles)
            {
                var previous = states[i - 1].GetPendingBundles(slot).Where(b => b.M6Id == bundle.M6Id && b.ProposalHeight == bundle.ProposalHeight).ToList();
                if (previous.Count == 0) continue;
                Math.Abs(bundle.Acks - previous[0].Acks).Should().BeLessThanOrEqualTo(1);
                compared++;
            }
            foreach (var proposal in states[i].Proposals)
            {
                var previous = states[i - 1].GetProposals(proposal.Slot).Where(p => p.DescriptionHash == proposal.DescriptionHash && p.ProposalHeight == proposal.ProposalHeight).ToList();
                if (previous.Count == 1) Math.Abs(proposal.Acks - previous[0].Acks).Should().BeLessThanOrEqualTo(1);
            }
        }
        compared.Should().BeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_state_round_trips_through_its_bytes(int seed)
    {
        var g = Generate(seed);
        foreach (var (_, before, _) in g.Chain.Connected)
        {
            var bytes = before.ToBytes();
            var parsed = DrivechainState.Parse(bytes);
            parsed.Should().Be(before);
            parsed.ToBytes().Should().Equal(bytes);
        }
    }

    private static Bitcoin.Primitives.UInt256 Replay(DrivechainParams p, List<Bitcoin.Primitives.Block> blocks)
    {
        var validator = new DrivechainValidator(p);
        var state = DrivechainState.Empty;
        for (int i = 0; i < blocks.Count; i++) state = ((ConnectOutcome.Accepted)validator.Connect(state, blocks[i], i + 1)).State;
        return state.ComputeDigest();
    }
}
