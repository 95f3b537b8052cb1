namespace Drivechain.Bitcoin.Serialization;

/// <summary>A parse failure: what went wrong and at which byte offset.</summary>
public readonly record struct ParseError(ParseErrorKind Kind, int Position)
{
    /// <summary>No error.</summary>
    public static readonly ParseError None = new(ParseErrorKind.None, 0);

    /// <summary>True when this is an actual error.</summary>
    public bool IsError => Kind != ParseErrorKind.None;

    /// <summary>A short human description.</summary>
    public override string ToString() => $"{Kind} at byte {Position}";
}
