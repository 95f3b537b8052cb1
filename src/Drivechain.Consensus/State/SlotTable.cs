namespace Drivechain.Consensus.State;

/// <summary>
/// The 256 slot records of a state, in 16 chunks of 16 shared between states: a block's draft copies the 16 chunk
/// references and then only the chunks it writes (a block touches a handful of slots), instead of all 256 records. A
/// table held by a <see cref="DrivechainState"/> is never changed: a draft or a revert writes to its own <see cref="Copy"/>.
/// </summary>
internal sealed class SlotTable
{
    private const int ChunkBits = 4;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ChunkMask = ChunkSize - 1;
    private const int ChunkCount = DrivechainState.SlotCount / ChunkSize;

    private readonly SlotState[][] _chunks;
    private ushort _owned;   // chunks this table copied, so may write; the others are shared with the table it was copied from

    private SlotTable(SlotState[][] chunks, ushort owned) => (_chunks, _owned) = (chunks, owned);

    /// <summary>A table of the given 256 records (copied).</summary>
    public static SlotTable Of(ReadOnlySpan<SlotState> slots)
    {
        if (slots.Length != DrivechainState.SlotCount) throw new ArgumentException("one record per slot", nameof(slots));
        var chunks = new SlotState[ChunkCount][];
        for (int c = 0; c < ChunkCount; c++) chunks[c] = slots.Slice(c * ChunkSize, ChunkSize).ToArray();
        return new SlotTable(chunks, ushort.MaxValue);
    }

    /// <summary>The record of <paramref name="slot"/>.</summary>
    public SlotState this[int slot] => _chunks[slot >> ChunkBits][slot & ChunkMask];

    /// <summary>A table with the same records, sharing every chunk until it writes one.</summary>
    public SlotTable Copy() => new((SlotState[][])_chunks.Clone(), 0);

    /// <summary>Replaces the record of <paramref name="slot"/> (only on a table no state holds yet).</summary>
    public void Set(int slot, SlotState record)
    {
        int chunk = slot >> ChunkBits;
        if ((_owned & (1 << chunk)) == 0)
        {
            _chunks[chunk] = (SlotState[])_chunks[chunk].Clone();
            _owned |= (ushort)(1 << chunk);
        }
        _chunks[chunk][slot & ChunkMask] = record;
    }

    /// <summary>The records, ascending slot.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Walks the 256 records in slot order.</summary>
    public struct Enumerator(SlotTable table)
    {
        private int _slot = -1;

        public readonly SlotState Current => table[_slot];

        public bool MoveNext() => ++_slot < DrivechainState.SlotCount;
    }
}
