namespace Drivechain.Consensus.Vectors;

/// <summary>One entry of a vector's <c>blocks</c> array: the raw block, the expected verdict and optional state.</summary>
/// <param name="Index">The position in the <c>blocks</c> array.</param>
/// <param name="Bytes">The serialized block.</param>
/// <param name="ExpectAccept">True when the block must be accepted.</param>
/// <param name="Code">The expected rejection code of a rejected block, when given.</param>
/// <param name="State">The expected state after the block, when given.</param>
/// <param name="Note">The vector's note on the block (e.g. Core's reason), when given.</param>
public sealed record VectorBlock(int Index, ReadOnlyMemory<byte> Bytes, bool ExpectAccept, string? Code, VectorState? State, string? Note = null)
{
    /// <summary>The expectation as text: <c>accept</c> or <c>reject CODE</c>.</summary>
    public string Describe() => ExpectAccept ? "accept" : Code is null ? "reject" : $"reject {Code}";
}
