using System.Collections.Immutable;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Testing.Chains;

/// <summary>Applies one block's drivechain effects to a <see cref="DrivechainModel"/> in spec order (§4.1).</summary>
internal sealed class ModelDraft(DrivechainModel model, ChainThresholds thresholds, int height)
{
    private readonly ImmutableSortedDictionary<byte, ModelSidechain>.Builder _active = model.Active.ToBuilder();
    private readonly ImmutableList<ModelProposal>.Builder _proposals = model.Proposals.ToBuilder();
    private readonly ImmutableSortedDictionary<byte, ImmutableList<ModelBundle>>.Builder _pending = model.Pending.ToBuilder();
    private readonly ImmutableSortedDictionary<byte, ModelCtip>.Builder _ctips = model.Ctips.ToBuilder();

    public int Height => height;

    public bool IsActive(byte slot) => _active.ContainsKey(slot);

    public IEnumerable<byte> ActiveSlots => _active.Keys;

    public ImmutableList<ModelBundle> PendingOf(byte slot) => _pending.TryGetValue(slot, out var list) ? list : [];

    public ModelCtip? CtipOf(byte slot) => _ctips.TryGetValue(slot, out var ctip) ? ctip : null;

    public IEnumerable<ModelProposal> Proposals => _proposals;

    /// <summary>§4.3.1.</summary>
    public void ApplyM1(byte slot, ImmutableArray<byte> description)
    {
        var hash = Hashes.Sha256d(description.AsSpan());
        if (_proposals.Any(p => p.Slot == slot && p.Hash == hash)) return;
        _proposals.Add(new ModelProposal(slot, description, hash, 0, height));
    }

    /// <summary>§4.3.2.</summary>
    public void ApplyM2(byte slot, UInt256 hash)
    {
        var index = _proposals.FindIndex(p => p.Slot == slot && p.Hash == hash);
        if (index < 0 || _proposals[index].ProposalHeight == height) return;
        var proposal = _proposals[index] with { Acks = _proposals[index].Acks + 1 };
        var age = height - proposal.ProposalHeight;
        var used = _active.ContainsKey(slot);
        var activate = used
            ? proposal.Acks > thresholds.UsedSlotActivationThreshold && age <= thresholds.UsedSlotProposalMaxAge
            : proposal.Acks > thresholds.UnusedSlotActivationThreshold && age <= thresholds.UnusedSlotProposalMaxAge;
        if (!activate)
        {
            _proposals[index] = proposal;
            return;
        }
        _proposals.RemoveAt(index);
        _active[slot] = new ModelSidechain(slot, proposal.Description, height);
        if (!_pending.ContainsKey(slot)) _pending[slot] = [];
    }

    /// <summary>§4.3.3; the caller has checked the slot is active and the M6ID not pending.</summary>
    public void ApplyM3(byte slot, UInt256 m6Id, WithdrawalBundle? spec)
    {
        if (!IsActive(slot)) throw new InvalidOperationException($"M3 for inactive slot {slot}");
        if (PendingOf(slot).Any(b => b.M6Id == m6Id)) throw new InvalidOperationException($"M3 {m6Id} already pending in slot {slot}");
        _pending[slot] = PendingOf(slot).Add(new ModelBundle(m6Id, 1, height, spec));
    }

    /// <summary>§4.3.4 for a v1 vector (one byte per active slot, in ascending slot order).</summary>
    public void ApplyM4OneByte(ReadOnlySpan<byte> votes)
    {
        var slots = _active.Keys.ToArray();
        if (votes.Length != slots.Length) throw new InvalidOperationException($"M4 has {votes.Length} votes for {slots.Length} active slots");
        var actions = new List<(byte Slot, int UpvoteIndex)>();
        for (int i = 0; i < slots.Length; i++)
        {
            var list = PendingOf(slots[i]);
            if (votes[i] == 0xff) continue;
            if (votes[i] == 0xfe)
            {
                if (list.Any(b => b.Acks > 0)) actions.Add((slots[i], -1));
                continue;
            }
            if (votes[i] >= list.Count) throw new InvalidOperationException($"M4 index {votes[i]} for slot {slots[i]} with {list.Count} bundles");
            if (list[votes[i]].Acks < 65535) actions.Add((slots[i], votes[i]));
        }
        foreach (var (slot, upvote) in actions)
        {
            var list = PendingOf(slot).ToBuilder();
            for (int k = 0; k < list.Count; k++)
            {
                if (k == upvote) list[k] = list[k] with { Acks = list[k].Acks + 1 };
                else if (list[k].Acks > 0) list[k] = list[k] with { Acks = list[k].Acks - 1 };
            }
            _pending[slot] = list.ToImmutable();
        }
    }

    /// <summary>§4.5 and §4.6.</summary>
    public void Expire()
    {
        for (int i = _proposals.Count - 1; i >= 0; i--)
        {
            var p = _proposals[i];
            var age = height - p.ProposalHeight;
            var used = _active.ContainsKey(p.Slot);
            var maxAge = used ? thresholds.UsedSlotProposalMaxAge : thresholds.UnusedSlotProposalMaxAge;
            var threshold = used ? thresholds.UsedSlotActivationThreshold : thresholds.UnusedSlotActivationThreshold;
            var maxFails = Math.Max(0, maxAge - threshold);
            var fails = Math.Max(0, age - p.Acks);
            if (age > maxAge || (age > maxFails && fails >= maxFails)) _proposals.RemoveAt(i);
        }
        foreach (var slot in _active.Keys.ToArray())
        {
            var list = PendingOf(slot);
            if (list.Any(b => height - b.ProposalHeight > thresholds.WithdrawalBundleMaxAge))
                _pending[slot] = list.RemoveAll(b => height - b.ProposalHeight > thresholds.WithdrawalBundleMaxAge);
        }
    }

    /// <summary>§4.7.1 effects of a deposit or withdrawal: the new CTIP, and for a withdrawal the bundle is gone.</summary>
    public void SetCtip(byte slot, ModelCtip ctip, UInt256? paidBundle)
    {
        _ctips[slot] = ctip;
        if (paidBundle is { } m6Id) _pending[slot] = PendingOf(slot).RemoveAll(b => b.M6Id == m6Id);
    }

    public DrivechainModel ToModel() => new(_active.ToImmutable(), _proposals.ToImmutable(), _pending.ToImmutable(), _ctips.ToImmutable());
}
