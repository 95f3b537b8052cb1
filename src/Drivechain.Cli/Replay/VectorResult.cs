namespace Drivechain.Cli.Replay;

/// <summary>The outcome of replaying one vector file.</summary>
/// <param name="Path">The file as found on the command line or in a directory.</param>
/// <param name="Name">The vector's name (the file name when unreadable).</param>
/// <param name="BlockCount">Blocks in the vector (0 when unreadable).</param>
/// <param name="BlocksReplayed">Blocks submitted before the first disagreement (all when passed).</param>
/// <param name="Error">Why the vector could not be replayed (missing file, bad JSON, bad hex, …), or null.</param>
/// <param name="Mismatch">The first block that disagrees, or null.</param>
/// <param name="Elapsed">Time spent reading and replaying.</param>
internal sealed record VectorResult(
    string Path,
    string Name,
    int BlockCount,
    int BlocksReplayed,
    string? Error,
    BlockMismatch? Mismatch,
    TimeSpan Elapsed)
{
    /// <summary>True when the vector was read and every block agreed.</summary>
    public bool Passed => Error is null && Mismatch is null;
}
