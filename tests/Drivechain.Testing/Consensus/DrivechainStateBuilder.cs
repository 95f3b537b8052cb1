using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Testing.Consensus;

/// <summary>
/// Builds an arbitrary state directly (through a <see cref="StateDraft"/>) for rule-level tests that need
/// counters no short chain reaches, e.g. the §9.4 walk-through.
/// </summary>
public sealed class DrivechainStateBuilder
{
    private readonly StateDraft _draft;

    /// <summary>Starts from <paramref name="start"/> (default: empty).</summary>
    public DrivechainStateBuilder(DrivechainState? start = null) => _draft = new StateDraft(start ?? DrivechainState.Empty);

    /// <summary>Makes <paramref name="slot"/> active.</summary>
    public DrivechainStateBuilder Active(byte slot, int activationHeight = 1)
    {
        var d = Ids.Description($"sc{slot}");
        _draft.SetSidechain(new Sidechain(slot, [.. d], Hashes.Sha256d(d), 6, 0, activationHeight));
        return this;
    }

    /// <summary>Sets the pending list of <paramref name="slot"/>.</summary>
    public DrivechainStateBuilder Bundles(byte slot, params (M6Id Id, ushort Acks)[] bundles)
    {
        _draft.SetBundles(slot, [.. bundles.Select(b => new PendingBundle(b.Id, b.Acks, 1))]);
        return this;
    }

    /// <summary>Sets the CTIP of <paramref name="slot"/>.</summary>
    public DrivechainStateBuilder Ctip(byte slot, OutPoint outPoint, long value)
    {
        _draft.MoveCtip(slot, outPoint, new Money(value));
        return this;
    }

    /// <summary>Adds a proposal.</summary>
    public DrivechainStateBuilder Proposal(byte slot, string title, ushort acks, int height)
    {
        _draft.AddProposal(new SidechainProposal(slot, [.. Ids.Description(title)], acks, height));
        return this;
    }

    /// <summary>Sets the tip block's M4 record.</summary>
    public DrivechainStateBuilder M4Record(params M4Action[] record)
    {
        _draft.SetM4Record([.. record]);
        return this;
    }

    /// <summary>The state.</summary>
    public DrivechainState Build() => _draft.ToState();
}
