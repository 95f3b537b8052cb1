using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Node.Hosting;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Mining;

/// <summary>
/// What the honest block producer puts in its coinbase (spec §10): queued sidechain proposals (M1), ACK choices
/// (M2), received withdrawal bundles (M3, and their M6 once approved), bundle votes (M4) and BMM choices (M7).
/// Saved to <see cref="MinerPolicyFile"/> in the chain data directory on every change once <see cref="Load"/> was called;
/// callers hold the chain lock (<see cref="NodeChain.EnterLock"/>).
/// </summary>
public sealed class MinerPolicy(IOptions<NodeOptions> options)
{
    private readonly List<M1ProposeSidechain> _proposals = [];
    private readonly Dictionary<byte, UInt256> _acks = [];
    private readonly Dictionary<M6Id, ReceivedBundle> _bundles = [];
    private readonly Dictionary<byte, BundleVote> _votes = [];
    private readonly Dictionary<byte, BmmChoice> _bmm = [];

    private string? _path;

    /// <summary>Restores the saved policy of the chain data directory and saves every later change there.</summary>
    public void Load()
    {
        var path = Path.Combine(options.Value.ChainDataDirectory, MinerPolicyFile.FileName);
        MinerPolicyFile.Load(path, this);
        _path = path;
    }

    private void Changed()
    {
        if (_path is not null) MinerPolicyFile.Save(_path, this);
    }

    /// <summary>ACK every pending proposal and vote on bundles by default (enforcer's <c>ack_all_proposals</c>, default on).</summary>
    public bool AckAllProposals { get; set; } = options.Value.AckAllProposals;

    public IReadOnlyList<M1ProposeSidechain> QueuedProposals => _proposals;

    public IReadOnlyDictionary<byte, UInt256> ExplicitAcks => _acks;

    public IEnumerable<ReceivedBundle> Bundles => _bundles.Values;

    public IReadOnlyDictionary<byte, BundleVote> Votes => _votes;

    public IReadOnlyDictionary<byte, BmmChoice> BmmChoices => _bmm;

    /// <summary>Queues an M1; false when the same (slot, description) is already queued.</summary>
    public bool QueueProposal(M1ProposeSidechain proposal)
    {
        if (_proposals.Any(p => p.Slot == proposal.Slot && p.DescriptionHash == proposal.DescriptionHash)) return false;
        _proposals.Add(proposal);
        Changed();
        return true;
    }

    public void DropProposal(M1ProposeSidechain proposal)
    {
        if (_proposals.Remove(proposal)) Changed();
    }

    public void SetAck(byte slot, UInt256 descriptionHash)
    {
        _acks[slot] = descriptionHash;
        Changed();
    }

    public bool ClearAck(byte slot)
    {
        if (!_acks.Remove(slot)) return false;
        Changed();
        return true;
    }

    /// <summary>Stores a received bundle; false when it is already known.</summary>
    public bool AddBundle(ReceivedBundle bundle)
    {
        if (!_bundles.TryAdd(bundle.M6Id, bundle)) return false;
        Changed();
        return true;
    }

    public bool RemoveBundle(M6Id id)
    {
        if (!_bundles.Remove(id)) return false;
        Changed();
        return true;
    }

    public void SetVote(byte slot, BundleVote vote)
    {
        if (vote is BundleVote.Default) _votes.Remove(slot);
        else _votes[slot] = vote;
        Changed();
    }

    public void SetBmmChoice(byte slot, BmmChoice choice)
    {
        if (choice is BmmChoice.BestPaying) _bmm.Remove(slot);
        else _bmm[slot] = choice;
        Changed();
    }

    public BundleVote VoteFor(byte slot) => _votes.GetValueOrDefault(slot) ?? new BundleVote.Default();

    public BmmChoice BmmChoiceFor(byte slot) => _bmm.GetValueOrDefault(slot) ?? new BmmChoice.BestPaying();
}
