using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Rules;

/// <summary>
/// BIP300 M4 — ACK bundles (v0 repeat previous, v1/v2 vote vectors, v3 upvote leading by 50). Computes at
/// most one action per active slot, then applies them; the applied actions become the block's M4 record.
/// Spec §4.3.4; docs/rules.md#m4
/// </summary>
public sealed class M4AckBundlesRule : IMessageRule<M4AckBundles>
{
    /// <summary>Bundles saturate at this ACK count (no upvote beyond).</summary>
    public const ushort MaxAcks = ushort.MaxValue;

    /// <summary>The margin of v3.</summary>
    public const int LeadingByMargin = 50;

    /// <inheritdoc />
    public RuleResult Apply(M4AckBundles m4, BlockContext block, StateDraft state)
    {
        // At most one action per slot: collected on the stack, then copied once into an array of the exact size (a builder
        // sized by the votes left abstentions as slack and copied again; this record is ~10 KB a block on the perf chain).
        var record = new RecordBuffer(stackalloc M4Action[DrivechainState.SlotCount]);
        switch (m4.Version)
        {
            case M4Version.RepeatPrevious:
                foreach (var previous in state.PreviousM4Record)
                {
                    var slot = state.Slot(previous.Slot);
                    if (previous.Kind == M4ActionKind.Upvote)
                    {
                        int index = slot.IndexOfBundle(previous.M6Id);
                        if (index >= 0 && slot.BundleAcks[index] < MaxAcks) Upvote(state, ref record, slot, index);
                    }
                    else
                    {
                        Alarm(state, ref record, slot);
                    }
                }
                break;

            case M4Version.UpvoteLeadingBy50:
                foreach (int s in state.SlotsWithBundles)
                {
                    if (!state.IsActive((byte)s)) continue;
                    var slot = state.Slot((byte)s);
                    var acks = slot.BundleAcks;
                    int leader = 0, lead = acks[0], second = 0;
                    for (int i = 1; i < acks.Length; i++)
                    {
                        if (acks[i] > lead)
                        {
                            second = lead;
                            lead = acks[i];
                            leader = i;
                        }
                        else if (acks[i] > second)
                        {
                            second = acks[i];
                        }
                    }
                    if (lead - second >= LeadingByMargin && lead < MaxAcks) Upvote(state, ref record, slot, leader);
                }
                break;

            default:
                var result = ApplyVotes(m4, state, ref record);
                if (!result.Passed) return result;
                break;
        }
        state.SetM4Record(record.ToImmutable());
        return RuleResult.Pass;
    }

    private static RuleResult ApplyVotes(M4AckBundles m4, StateDraft state, ref RecordBuffer record)
    {
        int count = m4.VoteCount;
        if (m4.Version == M4Version.VotesTwoBytes)
        {
            bool allWithinByte = true;
            for (int i = 0; i < count && allWithinByte; i++) allWithinByte = m4.VoteAt(i) <= M4AckBundles.MaxOneByteIndex;
            if (allWithinByte)
                return RuleResult.Reject(RejectCode.M4TwoBytesWithinByteRange, $"{count} two-byte votes, all ≤ 253");
        }

        var active = state.ActiveSlots;   // ascending: vote i is for the i-th active slot
        if (count != active.Count)
            return RuleResult.Reject(RejectCode.M4VoteCountMismatch, $"{count} votes, {active.Count} active sidechains");

        for (int i = m4.IndexOfVoteFrom(0); i >= 0; i = m4.IndexOfVoteFrom(i + 1))
        {
            ushort vote = m4.VoteAt(i);
            var slot = state.Slot(active.Nth(i));
            if (vote == M4AckBundles.Alarm)
            {
                Alarm(state, ref record, slot);
                continue;
            }
            if (vote >= slot.BundleCount)
                return RuleResult.Reject(RejectCode.M4UnknownBundle, $"slot {slot.Slot}: index {vote}, {slot.BundleCount} pending");
            if (slot.BundleAcks[vote] < MaxAcks) Upvote(state, ref record, slot, vote);
        }
        return RuleResult.Pass;
    }

    private static void Upvote(StateDraft state, ref RecordBuffer record, SlotState slot, int target)
    {
        var acks = slot.BundleAcks;
        var updated = new ushort[acks.Length];
        for (int i = 0; i < updated.Length; i++)
        {
            int a = acks[i];
            updated[i] = (ushort)(i == target ? a + 1 : a > 0 ? a - 1 : 0);
        }
        state.SetBundleAcks(slot.Slot, ImmutableCollectionsMarshal.AsImmutableArray(updated));
        record.Add(M4Action.Upvote(slot.Slot, slot.BundleKeys[target].M6Id));
    }

    private static void Alarm(StateDraft state, ref RecordBuffer record, SlotState slot)
    {
        var acks = slot.BundleAcks;
        bool anyPositive = false;
        foreach (var a in acks)
            if (a > 0) { anyPositive = true; break; }
        if (!anyPositive) return; // a no-op alarm is not recorded (§12.6)
        var updated = new ushort[acks.Length];
        for (int i = 0; i < updated.Length; i++) updated[i] = (ushort)(acks[i] > 0 ? acks[i] - 1 : 0);
        state.SetBundleAcks(slot.Slot, ImmutableCollectionsMarshal.AsImmutableArray(updated));
        record.Add(M4Action.Alarm(slot.Slot));
    }

    // The actions of one M4 in order, in a caller's stack buffer of one entry per slot.
    private ref struct RecordBuffer(Span<M4Action> buffer)
    {
        private readonly Span<M4Action> _buffer = buffer;
        private int _count;

        public void Add(M4Action action) => _buffer[_count++] = action;

        public readonly ImmutableArray<M4Action> ToImmutable() => _count == 0 ? [] : [.. _buffer[.._count]];
    }
}
