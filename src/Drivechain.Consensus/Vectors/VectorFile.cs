using System.Collections.Immutable;

namespace Drivechain.Consensus.Vectors;

/// <summary>A parsed <c>drivechain-vectors/1</c> file.</summary>
/// <param name="Name">The vector's name (the file name when the vector has none).</param>
/// <param name="Description">What the vector exercises, when given.</param>
/// <param name="Params">The network and parameter overrides.</param>
/// <param name="Blocks">The blocks in submission order.</param>
public sealed record VectorFile(string Name, string? Description, VectorParams Params, ImmutableArray<VectorBlock> Blocks)
{
    /// <summary>The only format string this reader understands.</summary>
    public const string Format = "drivechain-vectors/1";
}
