using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Testing.Chains;

/// <summary>One block offered to the node, in order, with the verdict the generator expects and the active tip after it.</summary>
/// <param name="Block">The block.</param>
/// <param name="ExpectAccept">True for a valid block.</param>
/// <param name="Code">For an invalid block, the expected rejection code (null when unknown).</param>
/// <param name="BestAfter">The active tip after the node processes it (most work, first seen wins a tie).</param>
/// <param name="Note">Free text written as the vector's <c>note</c>.</param>
public sealed record VectorEntry(Block Block, bool ExpectAccept, string? Code, GeneratedBlock BestAfter, string? Note);
