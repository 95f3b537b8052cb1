namespace Drivechain.Cli.Replay;

/// <summary>What an engine concluded about one submitted block.</summary>
internal sealed record BlockVerdict(bool Accepted, string? Code, string? Reason)
{
    /// <summary>The block is valid (it may or may not be the tip).</summary>
    public static BlockVerdict Accept(string? note = null) => new(true, null, note);

    /// <summary>The block is invalid; <paramref name="code"/> is <c>BASE</c> or a drivechain code.</summary>
    public static BlockVerdict Reject(string code, string reason) => new(false, code, reason);

    /// <summary>The verdict as text: <c>accept</c> or <c>reject CODE (reason)</c>.</summary>
    public string Describe() => Accepted ? "accept" : Reason is null ? $"reject {Code}" : $"reject {Code} ({Reason})";
}
