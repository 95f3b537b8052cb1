using System.Collections.Immutable;

namespace Drivechain.Cli.Replay;

/// <summary>A parsed <c>drivechain-vectors/1</c> file.</summary>
internal sealed record VectorFile(string Name, string? Description, VectorParams Params, ImmutableArray<VectorBlock> Blocks)
{
    /// <summary>The only format string this replayer understands.</summary>
    public const string Format = "drivechain-vectors/1";
}
