namespace Drivechain.Consensus.State;

/// <summary>
/// A fixed-length array in 16 chunks shared between copies: <see cref="Copy"/> takes the 16 chunk references, and a copy
/// copies a chunk only when it first writes to it. The state's 256 slot records (16 to a chunk) and the CTIP index's 512
/// cells (32 to a chunk) live in these, so a block's draft copies what it writes (a block touches a handful of slots)
/// instead of the whole array. An array that a <see cref="DrivechainState"/> holds is never written: a draft or a revert
/// writes to its own copy.
/// </summary>
internal sealed class ChunkedArray<T>
{
    private const int ChunkCount = 16;

    private readonly T[][] _chunks;
    private readonly int _chunkBits;
    private ushort _owned;   // chunks this array copied, so may write; the others are shared with the array it was copied from

    private ChunkedArray(T[][] chunks, int chunkBits, ushort owned) => (_chunks, _chunkBits, _owned) = (chunks, chunkBits, owned);

    /// <summary>An array of <paramref name="items"/> (copied; the length is 16 times a power of two).</summary>
    public static ChunkedArray<T> Of(ReadOnlySpan<T> items)
    {
        int chunkSize = items.Length / ChunkCount;
        if (chunkSize == 0 || items.Length % ChunkCount != 0 || (chunkSize & (chunkSize - 1)) != 0)
            throw new ArgumentException("16 times a power of two items", nameof(items));
        var chunks = new T[ChunkCount][];
        for (int c = 0; c < ChunkCount; c++) chunks[c] = items.Slice(c * chunkSize, chunkSize).ToArray();
        return new ChunkedArray<T>(chunks, System.Numerics.BitOperations.Log2((uint)chunkSize), ushort.MaxValue);
    }

    /// <summary>The number of items.</summary>
    public int Length => ChunkCount << _chunkBits;

    /// <summary>Item <paramref name="index"/>.</summary>
    public T this[int index] => _chunks[index >> _chunkBits][index & ((1 << _chunkBits) - 1)];

    /// <summary>An array with the same items, sharing every chunk until it writes one.</summary>
    public ChunkedArray<T> Copy() => new((T[][])_chunks.Clone(), _chunkBits, 0);

    /// <summary>Replaces item <paramref name="index"/> (only on an array no state holds yet).</summary>
    public void Set(int index, T value)
    {
        int chunk = index >> _chunkBits;
        if ((_owned & (1 << chunk)) == 0)
        {
            _chunks[chunk] = (T[])_chunks[chunk].Clone();
            _owned |= (ushort)(1 << chunk);
        }
        _chunks[chunk][index & ((1 << _chunkBits) - 1)] = value;
    }

    /// <summary>The items in order.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Walks the items in order.</summary>
    public struct Enumerator(ChunkedArray<T> array)
    {
        private int _index = -1;

        public readonly T Current => array[_index];

        public bool MoveNext() => ++_index < array.Length;
    }
}
