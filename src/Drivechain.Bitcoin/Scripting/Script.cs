namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// A script: an immutable byte string. It wraps memory without copying (a script parsed out of a
/// block shares the block's buffer). Equality is by content. Parsing into operations, templates and
/// assembly text live in the other parts of this type.
/// </summary>
public readonly partial struct Script : IEquatable<Script>
{
    private readonly ReadOnlyMemory<byte> _bytes;

    /// <summary>The empty script.</summary>
    public static readonly Script Empty;

    /// <summary>Wraps <paramref name="bytes"/> (not copied: callers must not mutate them).</summary>
    public Script(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps a copy of <paramref name="bytes"/>.</summary>
    public static Script CopyOf(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

    /// <summary>Parses lowercase or uppercase hex.</summary>
    public static Script FromHex(string hex) => new(Convert.FromHexString(hex));

    /// <summary>The raw bytes.</summary>
    public ReadOnlyMemory<byte> Memory => _bytes;

    /// <summary>The raw bytes.</summary>
    public ReadOnlySpan<byte> Span => _bytes.Span;

    /// <summary>Byte length.</summary>
    public int Length => _bytes.Length;

    /// <summary>True for the empty script.</summary>
    public bool IsEmpty => _bytes.IsEmpty;

    /// <summary>The bytes as lowercase hex.</summary>
    public string ToHex() => Convert.ToHexStringLower(_bytes.Span);

    /// <summary>A copy of the bytes.</summary>
    public byte[] ToArray() => _bytes.ToArray();

    /// <inheritdoc />
    public bool Equals(Script other) => _bytes.Span.SequenceEqual(other._bytes.Span);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Script other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes.Span);
        return hash.ToHashCode();
    }

    /// <summary>Hex of the bytes (use the assembly formatter for Core's text form).</summary>
    public override string ToString() => ToHex();

    /// <summary>Equal by value.</summary>
    public static bool operator ==(Script left, Script right) => left.Equals(right);
    /// <summary>Not equal by value.</summary>
    public static bool operator !=(Script left, Script right) => !left.Equals(right);
}
