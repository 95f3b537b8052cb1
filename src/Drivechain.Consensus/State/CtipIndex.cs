using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.State;

/// <summary>
/// Current CTIP outpoint → slot: an open-addressing table (linear probing) of 512 cells for at most 256 CTIPs. A cell holds
/// slot + 1 in its low 9 bits (0: empty) and the top 23 bits of its key's hash above them; the key itself, the CTIP of the
/// slot the cell names, is read from the slot records passed in. So the table is 2 KiB, in a <see cref="ChunkedArray{T}"/>
/// of 16 chunks of 32 cells shared between states: a block that moves a CTIP copies the chunk references and the chunks it
/// writes, instead of rebuilding tree nodes of an immutable dictionary. The stored hash bits give each cell's home cell and let a lookup pass a cell
/// without reading its slot record (a cache miss) unless 14 more hash bits match, so a removal's backward shift and the
/// lookup of an outpoint that is no CTIP (every input of every transaction) read no record. An index held by a
/// <see cref="DrivechainState"/> is never changed: a draft or a revert works on its own <see cref="Clone"/>, and changes it
/// only while the slot records passed in hold the CTIPs the table names (a key is removed before its slot's record
/// changes and added after).
/// </summary>
internal sealed class CtipIndex
{
    private const int Size = 512;
    private const int Mask = Size - 1;
    private const int SlotBits = 9;                       // slot + 1: 1..256
    private const uint SlotMask = (1u << SlotBits) - 1;
    private readonly ChunkedArray<uint> _cells;

    private CtipIndex(ChunkedArray<uint> cells, int count)
    {
        _cells = cells;
        Count = count;
    }

    /// <summary>No CTIPs.</summary>
    public static CtipIndex Empty { get; } = new(ChunkedArray<uint>.Of(new uint[Size]), 0);

    /// <summary>Number of CTIPs indexed.</summary>
    public int Count { get; private set; }

    /// <summary>True when no slot has a CTIP.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>A copy to change.</summary>
    public CtipIndex Clone() => new(_cells.Copy(), Count);

    /// <summary>The slot whose CTIP is <paramref name="outPoint"/>, or −1.</summary>
    public int Find(in OutPoint outPoint, ChunkedArray<SlotState> slots)
    {
        int i = IndexOf(outPoint, slots);
        return i < 0 ? -1 : SlotOf(Cell(i));
    }

    /// <summary>Maps <paramref name="outPoint"/> to <paramref name="slot"/> (replacing any slot it named), as a dictionary's SetItem.</summary>
    public void Set(in OutPoint outPoint, byte slot, ChunkedArray<SlotState> slots)
    {
        Remove(outPoint, slots);
        uint hash = Hash(outPoint);
        int i = Home(hash);
        while (Cell(i) != 0) i = (i + 1) & Mask;
        SetCell(i, (hash & ~SlotMask) | (uint)(slot + 1));
        Count++;
    }

    /// <summary>Removes <paramref name="outPoint"/> when indexed (its slot's record must still hold it as CTIP).</summary>
    public void Remove(in OutPoint outPoint, ChunkedArray<SlotState> slots)
    {
        int i = IndexOf(outPoint, slots);
        if (i < 0) return;
        // Backward-shift deletion: move up every following cell of the run whose home is not between the hole and it.
        for (int j = (i + 1) & Mask; Cell(j) is not 0 and var cell; j = (j + 1) & Mask)
        {
            int home = Home(cell);
            bool stays = i <= j ? home > i && home <= j : home > i || home <= j;
            if (stays) continue;
            SetCell(i, cell);
            i = j;
        }
        SetCell(i, 0);
        Count--;
    }

    // The cell holding outPoint, or −1.
    private int IndexOf(in OutPoint outPoint, ChunkedArray<SlotState> slots)
    {
        uint hash = Hash(outPoint);
        for (int i = Home(hash); ; i = (i + 1) & Mask)
        {
            uint cell = Cell(i);
            if (cell == 0) return -1;
            if (((cell ^ hash) & ~SlotMask) == 0 && KeyOf(cell, slots) == outPoint) return i;
        }
    }

    private uint Cell(int i) => _cells[i];

    private void SetCell(int i, uint value) => _cells.Set(i, value);

    private static int SlotOf(uint cell) => (int)(cell & SlotMask) - 1;

    private static OutPoint KeyOf(uint cell, ChunkedArray<SlotState> slots) =>
        slots[SlotOf(cell)].Ctip?.OutPoint ?? throw new InvalidOperationException($"CTIP index names slot {SlotOf(cell)}, which has no CTIP");

    private static uint Hash(in OutPoint outPoint) =>
        ((uint)outPoint.TxId.GetHashCode() ^ (outPoint.Index * 0x85EBCA6Bu)) * 0x9E3779B9u;

    private static int Home(uint hashOrCell) => (int)(hashOrCell >> 23);   // the top 9 bits: the home cell, 0..511
}
