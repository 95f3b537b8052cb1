namespace Drivechain.Bitcoin.Serialization;

/// <summary>
/// The one exception type thrown for malformed bytes by the throwing <c>Parse</c> methods.
/// The <c>TryParse</c> methods never throw it; they return the <see cref="ParseError"/> instead.
/// </summary>
public sealed class ParseException : FormatException
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public ParseException(ParseError error, string what)
        : base($"malformed {what}: {error}") => Error = error;

    /// <summary>What went wrong and where.</summary>
    public ParseError Error { get; }
}
