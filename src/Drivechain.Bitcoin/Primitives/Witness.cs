using System.Collections.Immutable;

namespace Drivechain.Bitcoin.Primitives;

/// <summary>A BIP141 witness stack of one input: items in serialization order (the last is the top).</summary>
public readonly struct Witness : IEquatable<Witness>
{
    private readonly ImmutableArray<ReadOnlyMemory<byte>> _items;

    /// <summary>The empty witness.</summary>
    public static readonly Witness Empty = new(ImmutableArray<ReadOnlyMemory<byte>>.Empty);

    /// <summary>Wraps the items (not copied).</summary>
    public Witness(ImmutableArray<ReadOnlyMemory<byte>> items) => _items = items.IsDefault ? [] : items;

    /// <summary>Creates a witness from byte arrays.</summary>
    public static Witness Of(params byte[][] items) => new([.. items.Select(i => (ReadOnlyMemory<byte>)i)]);

    /// <summary>The items.</summary>
    public ImmutableArray<ReadOnlyMemory<byte>> Items => _items.IsDefault ? [] : _items;

    /// <summary>Number of items.</summary>
    public int Count => _items.IsDefault ? 0 : _items.Length;

    /// <summary>True when there are no items.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Item <paramref name="index"/>.</summary>
    public ReadOnlyMemory<byte> this[int index] => _items[index];

    /// <summary>Serialized size: CompactSize count + each item as var-bytes.</summary>
    public int SerializedSize
    {
        get
        {
            int size = Serialization.BitcoinWriter.CompactSizeLength((ulong)Count);
            foreach (var item in Items) size += Serialization.BitcoinWriter.VarBytesLength(item.Length);
            return size;
        }
    }

    /// <inheritdoc />
    public bool Equals(Witness other)
    {
        if (Count != other.Count) return false;
        for (int i = 0; i < Count; i++)
            if (!_items[i].Span.SequenceEqual(other._items[i].Span)) return false;
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Witness other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => Count;
    /// <summary>Equal by value.</summary>
    public static bool operator ==(Witness left, Witness right) => left.Equals(right);
    /// <summary>Not equal by value.</summary>
    public static bool operator !=(Witness left, Witness right) => !left.Equals(right);
}
