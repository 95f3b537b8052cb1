using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;
using Drivechain.Node.Chain;
using Drivechain.Node.Mempool;

namespace Drivechain.Node.Mining;

public sealed partial class BlockAssembler
{
    /// <summary>
    /// M6 payouts for received bundles whose tip-state ACKs exceed the inclusion threshold (one per slot per block, so
    /// this block's own M4 can upvote it), and the BMM choice: per slot the best-paying M8 naming the tip wins, the
    /// others stay out of the block (spec §10).
    /// </summary>
    private DrivechainPlan PlanDrivechain(ChainManager chain, UInt256 tipHash)
    {
        var state = chain.TipDrivechainState;
        var payouts = new List<DrivechainPlan.Payout>();
        var spentCtips = new HashSet<OutPoint>();
        foreach (var bundle in policy.Bundles.OrderBy(b => b.Slot))
        {
            if (payouts.Any(p => p.Slot == bundle.Slot)) continue;
            if (!state.IsActive(bundle.Slot) || state.GetCtip(bundle.Slot) is not { } ctip) continue;
            var pending = state.GetPendingBundles(bundle.Slot).FirstOrDefault(b => b.M6Id == bundle.M6Id);
            if (pending.M6Id != bundle.M6Id || pending.Acks <= node.Params.WithdrawalBundleInclusionThreshold) continue;
            var m6 = M6Id.Unblind(bundle.Blinded, bundle.Slot, ctip.OutPoint, ctip.Value);
            if (m6.Outputs[0].Value.Satoshis < 0 || !M6Id.TryCompute(m6, ctip.Value, out var id, out _) || id != bundle.M6Id) continue;
            payouts.Add(new DrivechainPlan.Payout(bundle.Slot, bundle.M6Id, m6));
            spentCtips.Add(ctip.OutPoint);
        }

        var excluded = new List<MempoolEntry>();
        foreach (var entry in mempool.Pool.Entries)
            if (entry.Transaction.Inputs.Any(i => spentCtips.Contains(i.PrevOut))) excluded.Add(entry);

        foreach (var group in mempool.Pool.Entries.Where(e => e.BmmRequest is not null).GroupBy(e => e.BmmRequest!.Slot))
        {
            var choice = policy.BmmChoiceFor(group.Key);
            var eligible = group.Where(e => e.BmmRequest!.PreviousMainchainBlockHash == tipHash
                && choice switch
                {
                    BmmChoice.None => false,
                    BmmChoice.Only only => e.BmmRequest.SidechainBlockHash == only.SidechainBlockHash,
                    _ => true,
                }).ToList();
            var winner = eligible.OrderByDescending(e => e.Fee.Satoshis).ThenBy(e => e.Sequence).FirstOrDefault();
            excluded.AddRange(group.Where(e => e != winner));
        }
        return new DrivechainPlan(payouts, excluded);
    }

    /// <summary>The coinbase messages in the enforcer's order: M1s, M2s, M3s, the M4, then M7s (spec §10).</summary>
    private ImmutableArray<Script> CoinbaseMessages(ChainManager chain, IReadOnlyList<Transaction> blockTxs, DrivechainPlan plan)
    {
        var state = chain.TipDrivechainState;
        var p = node.Params;
        var messages = ImmutableArray.CreateBuilder<Script>();

        // M1: queued proposals not already proposed or active on-chain.
        foreach (var m1 in policy.QueuedProposals)
        {
            var known = state.GetProposals(m1.Slot).Any(x => x.DescriptionHash == m1.DescriptionHash)
                || state.GetSidechain(m1.Slot)?.DescriptionHash == m1.DescriptionHash;
            if (!known) messages.Add(m1.ToScript());
        }

        // M2: at most one per slot: an explicit ACK, else (ack-all) the last proposal of the slot in hash order.
        var activating = false;
        var m2s = new List<M2AckSidechain>();
        foreach (var slotGroup in state.Proposals.GroupBy(x => x.Slot).OrderBy(g => g.Key))
        {
            SidechainProposal? target = null;
            if (policy.ExplicitAcks.TryGetValue(slotGroup.Key, out var wanted))
                target = slotGroup.FirstOrDefault(x => x.DescriptionHash == wanted);
            if (target is null && policy.AckAllProposals)
                target = slotGroup.OrderBy(x => x.DescriptionHash.ToString(), StringComparer.Ordinal).Last();
            if (target is null) continue;
            m2s.Add(new M2AckSidechain(target.Slot, target.DescriptionHash));
            var used = state.IsActive(target.Slot);
            var threshold = used ? p.UsedSlotActivationThreshold : p.UnusedSlotActivationThreshold;
            if (!used && target.Acks + 1 > threshold) activating = true;
        }
        foreach (var m2 in m2s) messages.Add(m2.ToScript());

        // M3: received bundles for active slots that are not pending yet.
        var newBundles = new Dictionary<byte, List<M6Id>>();
        foreach (var bundle in policy.Bundles.OrderBy(b => b.Slot))
        {
            if (!state.IsActive(bundle.Slot)) continue;
            if (state.GetPendingBundles(bundle.Slot).Any(b => b.M6Id == bundle.M6Id)) continue;
            messages.Add(new M3ProposeBundle(bundle.Slot, bundle.M6Id).ToScript());
            if (!newBundles.TryGetValue(bundle.Slot, out var list)) newBundles[bundle.Slot] = list = [];
            list.Add(bundle.M6Id);
        }

        // M4: a vote per active slot, unless an M2 here could activate an unused slot (the vector length would change).
        if (!activating && state.ActiveSlotCount > 0 && (policy.AckAllProposals || policy.Votes.Count > 0 || plan.Payouts.Count > 0))
        {
            var votes = new List<ushort>();
            foreach (var sidechain in state.ActiveSidechains.OrderBy(s => s.Slot))
                votes.Add(VoteIndex(sidechain.Slot, state, newBundles.GetValueOrDefault(sidechain.Slot) ?? [], plan));
            var twoBytes = votes.Any(v => v is > M4AckBundles.MaxOneByteIndex and < M4AckBundles.Alarm);
            var m4 = twoBytes
                ? M4AckBundles.TwoBytes([.. votes])
                : M4AckBundles.OneByte([.. votes.Select(v => v switch { M4AckBundles.Abstain => (byte)0xff, M4AckBundles.Alarm => (byte)0xfe, _ => (byte)v })]);
            messages.Add(m4.ToScript());
        }

        // M7: accept the M8s that made it into the block.
        foreach (var tx in blockTxs)
            if (M8BmmRequest.TryParse(tx, out var m8)) messages.Add(new M7BmmAccept(m8.Slot, m8.SidechainBlockHash).ToScript());
        return messages.ToImmutable();
    }

    private ushort VoteIndex(byte slot, DrivechainState state, List<M6Id> addedHere, DrivechainPlan plan)
    {
        var pending = state.GetPendingBundles(slot);
        int IndexOf(M6Id id)
        {
            for (var i = 0; i < pending.Length; i++) if (pending[i].M6Id == id) return i;
            var added = addedHere.IndexOf(id);
            return added < 0 ? -1 : pending.Length + added;
        }

        // Paying a bundle in this block: upvote it, so this block's M4 cannot take it back to the threshold (§12.4).
        if (plan.Payouts.FirstOrDefault(x => x.Slot == slot) is { } payout) return (ushort)IndexOf(payout.M6Id);
        switch (policy.VoteFor(slot))
        {
            case BundleVote.Abstain:
                return M4AckBundles.Abstain;
            case BundleVote.Alarm:
                return M4AckBundles.Alarm;
            case BundleVote.Upvote upvote:
                var index = IndexOf(upvote.M6Id);
                return index < 0 ? M4AckBundles.Abstain : (ushort)index;
            default:
                if (!policy.AckAllProposals || pending.Length == 0) return M4AckBundles.Abstain;
                var best = 0;
                for (var i = 1; i < pending.Length; i++) if (pending[i].Acks > pending[best].Acks) best = i;
                return (ushort)best;
        }
    }
}
