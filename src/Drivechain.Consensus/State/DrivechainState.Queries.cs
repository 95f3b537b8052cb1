using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.State;

public sealed partial class DrivechainState
{
    /// <summary>True when a sidechain is active in <paramref name="slot"/>.</summary>
    public bool IsActive(byte slot) => Summary.Active.Contains(slot);

    /// <summary>The active sidechain of <paramref name="slot"/>, or null.</summary>
    public Sidechain? GetSidechain(byte slot) => _slots[slot].Sidechain;

    /// <summary>Number of active slots.</summary>
    public int ActiveSlotCount => Summary.Active.Count;

    /// <summary>The active sidechains, ascending slot (the ASN order of M4 vectors).</summary>
    public ImmutableArray<Sidechain> ActiveSidechains
    {
        get
        {
            var builder = ImmutableArray.CreateBuilder<Sidechain>();
            foreach (var slot in _slots)
                if (slot.Sidechain is { } sidechain) builder.Add(sidechain);
            return builder.ToImmutable();
        }
    }

    /// <summary>All pending proposals ordered by slot, then proposal height, then first seen.</summary>
    public ImmutableArray<SidechainProposal> Proposals
    {
        get
        {
            var builder = ImmutableArray.CreateBuilder<SidechainProposal>();
            foreach (var slot in _slots) builder.AddRange(slot.Proposals);
            return builder.ToImmutable();
        }
    }

    /// <summary>The pending proposals of one slot, in order.</summary>
    public ImmutableArray<SidechainProposal> GetProposals(byte slot) => _slots[slot].Proposals;

    /// <summary>The pending bundles of one slot, in list order.</summary>
    public ImmutableArray<PendingBundle> GetPendingBundles(byte slot) => _slots[slot].Bundles;

    /// <summary>Every pending bundle as (slot, bundle), ascending slot, then list order.</summary>
    public ImmutableArray<(byte Slot, PendingBundle Bundle)> AllPendingBundles
    {
        get
        {
            var builder = ImmutableArray.CreateBuilder<(byte, PendingBundle)>();
            foreach (var slot in _slots)
                if (slot.BundleCount > 0)
                    foreach (var bundle in slot.Bundles) builder.Add((slot.Slot, bundle));
            return builder.ToImmutable();
        }
    }

    /// <summary>The CTIP of <paramref name="slot"/>, or null.</summary>
    public Ctip? GetCtip(byte slot) => _slots[slot].Ctip;

    /// <summary>The treasury history of <paramref name="slot"/> (seq 0, 1, …).</summary>
    public TreasuryHistory GetTreasuryHistory(byte slot) => _slots[slot].History;

    /// <summary>True (with the slot) when <paramref name="outPoint"/> is a current CTIP.</summary>
    public bool TryGetCtipSlot(OutPoint outPoint, out byte slot)
    {
        int found = CtipIndex.Find(outPoint, _slots);
        slot = found < 0 ? (byte)0 : (byte)found;
        return found >= 0;
    }

    private int CountProposals()
    {
        int count = 0;
        foreach (var slot in _slots) count += slot.Proposals.Length;
        return count;
    }

    private int CountBundles()
    {
        int count = 0;
        foreach (var slot in _slots) count += slot.BundleCount;
        return count;
    }
}
