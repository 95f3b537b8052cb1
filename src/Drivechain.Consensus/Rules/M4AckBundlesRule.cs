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
        var record = ImmutableArray.CreateBuilder<M4Action>();
        switch (m4.Version)
        {
            case M4Version.RepeatPrevious:
                foreach (var previous in state.PreviousM4Record)
                {
                    var bundles = state.Slot(previous.Slot).Bundles;
                    if (previous.Kind == M4ActionKind.Upvote)
                    {
                        int index = IndexOf(bundles, previous.M6Id);
                        if (index >= 0 && bundles[index].Acks < MaxAcks) Upvote(state, record, previous.Slot, bundles, index);
                    }
                    else
                    {
                        Alarm(state, record, previous.Slot, bundles);
                    }
                }
                break;

            case M4Version.UpvoteLeadingBy50:
                for (int s = 0; s < DrivechainState.SlotCount; s++)
                {
                    var slot = state.Slot((byte)s);
                    if (!slot.IsActive || slot.Bundles.IsEmpty) continue;
                    var bundles = slot.Bundles;
                    int leader = 0, lead = bundles[0].Acks, second = 0;
                    for (int i = 1; i < bundles.Length; i++)
                    {
                        int acks = bundles[i].Acks;
                        if (acks > lead)
                        {
                            second = lead;
                            lead = acks;
                            leader = i;
                        }
                        else if (acks > second)
                        {
                            second = acks;
                        }
                    }
                    if (lead - second >= LeadingByMargin && lead < MaxAcks) Upvote(state, record, (byte)s, bundles, leader);
                }
                break;

            default:
                var result = ApplyVotes(m4, state, record);
                if (!result.Passed) return result;
                break;
        }
        state.SetM4Record(record.ToImmutable());
        return RuleResult.Pass;
    }

    private static RuleResult ApplyVotes(M4AckBundles m4, StateDraft state, ImmutableArray<M4Action>.Builder record)
    {
        var votes = m4.Votes;
        if (m4.Version == M4Version.VotesTwoBytes)
        {
            bool allWithinByte = true;
            foreach (var v in votes)
                if (v > M4AckBundles.MaxOneByteIndex) { allWithinByte = false; break; }
            if (allWithinByte)
                return RuleResult.Reject(RejectCode.M4TwoBytesWithinByteRange, $"{votes.Length} two-byte votes, all ≤ 253");
        }

        Span<byte> asn = stackalloc byte[DrivechainState.SlotCount];
        int active = 0;
        for (int s = 0; s < DrivechainState.SlotCount; s++)
            if (state.IsActive((byte)s)) asn[active++] = (byte)s;
        if (votes.Length != active)
            return RuleResult.Reject(RejectCode.M4VoteCountMismatch, $"{votes.Length} votes, {active} active sidechains");

        for (int i = 0; i < active; i++)
        {
            byte slot = asn[i];
            ushort vote = votes[i];
            if (vote == M4AckBundles.Abstain) continue;
            var bundles = state.Slot(slot).Bundles;
            if (vote == M4AckBundles.Alarm)
            {
                Alarm(state, record, slot, bundles);
                continue;
            }
            if (vote >= bundles.Length)
                return RuleResult.Reject(RejectCode.M4UnknownBundle, $"slot {slot}: index {vote}, {bundles.Length} pending");
            if (bundles[vote].Acks < MaxAcks) Upvote(state, record, slot, bundles, vote);
        }
        return RuleResult.Pass;
    }

    private static int IndexOf(ImmutableArray<PendingBundle> bundles, M6Id id)
    {
        for (int i = 0; i < bundles.Length; i++)
            if (bundles[i].M6Id == id) return i;
        return -1;
    }

    private static void Upvote(StateDraft state, ImmutableArray<M4Action>.Builder record, byte slot, ImmutableArray<PendingBundle> bundles, int target)
    {
        var updated = new PendingBundle[bundles.Length];
        for (int i = 0; i < updated.Length; i++)
        {
            var b = bundles[i];
            updated[i] = i == target ? b with { Acks = (ushort)(b.Acks + 1) }
                : b.Acks > 0 ? b with { Acks = (ushort)(b.Acks - 1) } : b;
        }
        state.SetBundles(slot, ImmutableCollectionsMarshal.AsImmutableArray(updated));
        record.Add(M4Action.Upvote(slot, bundles[target].M6Id));
    }

    private static void Alarm(StateDraft state, ImmutableArray<M4Action>.Builder record, byte slot, ImmutableArray<PendingBundle> bundles)
    {
        bool anyPositive = false;
        foreach (var b in bundles)
            if (b.Acks > 0) { anyPositive = true; break; }
        if (!anyPositive) return; // a no-op alarm is not recorded (§12.6)
        var updated = new PendingBundle[bundles.Length];
        for (int i = 0; i < updated.Length; i++)
        {
            var b = bundles[i];
            updated[i] = b.Acks > 0 ? b with { Acks = (ushort)(b.Acks - 1) } : b;
        }
        state.SetBundles(slot, ImmutableCollectionsMarshal.AsImmutableArray(updated));
        record.Add(M4Action.Alarm(slot));
    }
}
