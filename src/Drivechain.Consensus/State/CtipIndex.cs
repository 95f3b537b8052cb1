using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.State;

/// <summary>
/// Current CTIP outpoint → slot: an open-addressing table (linear probing) of 512 cells for at most 256 CTIPs, each cell
/// holding slot + 1 (0: empty). The key of a cell is the CTIP of the slot it names, read from the slot records passed in,
/// so the table is 1 KiB of <see cref="ushort"/> and a block that moves a CTIP copies that, instead of rebuilding tree
/// nodes of an immutable dictionary. An index held by a <see cref="DrivechainState"/> is never changed: a draft or a
/// revert works on its own <see cref="Clone"/>, and changes it only while the slot records passed in hold the CTIPs the
/// table names (a key is removed before its slot's record changes and added after).
/// </summary>
internal sealed class CtipIndex
{
    private const int Size = 512;
    private const int Mask = Size - 1;

    private readonly ushort[] _cells;

    private CtipIndex(ushort[] cells, int count)
    {
        _cells = cells;
        Count = count;
    }

    /// <summary>No CTIPs.</summary>
    public static CtipIndex Empty { get; } = new(new ushort[Size], 0);

    /// <summary>Number of CTIPs indexed.</summary>
    public int Count { get; private set; }

    /// <summary>True when no slot has a CTIP.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>A copy to change.</summary>
    public CtipIndex Clone() => new((ushort[])_cells.Clone(), Count);

    /// <summary>The slot whose CTIP is <paramref name="outPoint"/>, or −1.</summary>
    public int Find(in OutPoint outPoint, SlotState[] slots)
    {
        for (int i = Home(outPoint); ; i = (i + 1) & Mask)
        {
            int cell = _cells[i];
            if (cell == 0) return -1;
            if (KeyOf(cell, slots) == outPoint) return cell - 1;
        }
    }

    /// <summary>Maps <paramref name="outPoint"/> to <paramref name="slot"/> (replacing any slot it named), as a dictionary's SetItem.</summary>
    public void Set(in OutPoint outPoint, byte slot, SlotState[] slots)
    {
        Remove(outPoint, slots);
        int i = Home(outPoint);
        while (_cells[i] != 0) i = (i + 1) & Mask;
        _cells[i] = (ushort)(slot + 1);
        Count++;
    }

    /// <summary>Removes <paramref name="outPoint"/> when indexed (its slot's record must still hold it as CTIP).</summary>
    public void Remove(in OutPoint outPoint, SlotState[] slots)
    {
        int i = Home(outPoint);
        while (true)
        {
            int cell = _cells[i];
            if (cell == 0) return;
            if (KeyOf(cell, slots) == outPoint) break;
            i = (i + 1) & Mask;
        }
        // Backward-shift deletion: move up every following cell of the run whose home is not between the hole and it.
        for (int j = (i + 1) & Mask; _cells[j] != 0; j = (j + 1) & Mask)
        {
            int home = Home(KeyOf(_cells[j], slots));
            bool stays = i <= j ? home > i && home <= j : home > i || home <= j;
            if (stays) continue;
            _cells[i] = _cells[j];
            i = j;
        }
        _cells[i] = 0;
        Count--;
    }

    private static OutPoint KeyOf(int cell, SlotState[] slots) =>
        slots[cell - 1].Ctip?.OutPoint ?? throw new InvalidOperationException($"CTIP index names slot {cell - 1}, which has no CTIP");

    private static int Home(in OutPoint outPoint)
    {
        uint h = (uint)outPoint.TxId.GetHashCode() ^ (outPoint.Index * 0x85EBCA6Bu);
        return (int)((h * 0x9E3779B9u) >> 23);   // top 9 bits: 0..511
    }
}
