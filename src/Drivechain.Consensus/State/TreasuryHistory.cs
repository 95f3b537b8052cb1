using System.Collections;

namespace Drivechain.Consensus.State;

/// <summary>
/// A slot's treasury history (spec §3.5): every CTIP the slot ever had, seq 0, 1, 2, …. Immutable and append-only; the
/// versions of one chain share one buffer. A version sees the first <see cref="Count"/> entries of its buffer, and those never
/// change: appending to the newest version writes the next cell in place (no copy, no tree nodes: one entry a deposit or
/// withdrawal instead of an <c>ImmutableList</c> path of ~14 nodes), appending to an older one — a block after a disconnect,
/// a block template beside the tip — finds the cell taken and copies. An atomic claim of the cell makes two drafts built on
/// the same state safe on two threads.
/// </summary>
public sealed class TreasuryHistory : IReadOnlyList<TreasuryEntry>
{
    private readonly Buffer _buffer;

    private TreasuryHistory(Buffer buffer, int count) => (_buffer, Count) = (buffer, count);

    /// <summary>No entries.</summary>
    public static TreasuryHistory Empty { get; } = new(new Buffer(0), 0);

    /// <summary>The number of entries (the next entry's seq).</summary>
    public int Count { get; }

    /// <summary>Whether the slot never had a CTIP.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The entry with seq <paramref name="index"/>.</summary>
    public TreasuryEntry this[int index] =>
        (uint)index < (uint)Count ? _buffer.Items[index] : throw new ArgumentOutOfRangeException(nameof(index), index, $"history has {Count} entries");

    /// <summary>A history of <paramref name="entries"/> in order (parsing a stored state).</summary>
    internal static TreasuryHistory Of(ReadOnlySpan<TreasuryEntry> entries)
    {
        if (entries.IsEmpty) return Empty;
        var buffer = new Buffer(entries.Length) { Claimed = entries.Length };
        entries.CopyTo(buffer.Items);
        return new TreasuryHistory(buffer, entries.Length);
    }

    /// <summary>This history with <paramref name="entry"/> appended.</summary>
    internal TreasuryHistory Add(TreasuryEntry entry)
    {
        int count = Count;
        var items = _buffer.Items;
        if (count < items.Length && Interlocked.CompareExchange(ref _buffer.Claimed, count + 1, count) == count)
        {
            items[count] = entry;
            return new TreasuryHistory(_buffer, count + 1);
        }
        var grown = new Buffer(Math.Max(4, count * 2)) { Claimed = count + 1 };
        Array.Copy(items, grown.Items, count);
        grown.Items[count] = entry;
        return new TreasuryHistory(grown, count + 1);
    }

    /// <summary>The first <paramref name="count"/> entries (undo of a block's appends).</summary>
    internal TreasuryHistory Take(int count) =>
        (uint)count <= (uint)Count ? new TreasuryHistory(_buffer, count) : throw new ArgumentOutOfRangeException(nameof(count), count, $"history has {Count} entries");

    /// <summary>The entries in seq order.</summary>
    public ReadOnlySpan<TreasuryEntry> AsSpan() => _buffer.Items.AsSpan(0, Count);

    /// <inheritdoc/>
    public IEnumerator<TreasuryEntry> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return _buffer.Items[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The shared cells; <see cref="Claimed"/> cells are taken by some version (only ever grows).</summary>
    private sealed class Buffer(int capacity)
    {
        public readonly TreasuryEntry[] Items = new TreasuryEntry[capacity];
        public int Claimed;
    }
}
