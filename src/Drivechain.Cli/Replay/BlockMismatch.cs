using System.Collections.Immutable;

namespace Drivechain.Cli.Replay;

/// <summary>The first block of a vector on which the node disagrees with the expectation.</summary>
/// <param name="Index">Index in the vector's <c>blocks</c> array.</param>
/// <param name="Hash">The block hash (display hex), or null when the bytes are too short for a header.</param>
/// <param name="Expected">The expectation, e.g. <c>reject M4_UNKNOWN_BUNDLE</c>.</param>
/// <param name="Actual">What the node concluded, e.g. <c>accept</c> or <c>reject BASE (bad-txnmrklroot)</c>.</param>
/// <param name="Problem">One line saying what disagrees.</param>
/// <param name="StateDifferences">Field-level differences of the state object (empty for verdict mismatches).</param>
internal sealed record BlockMismatch(
    int Index,
    string? Hash,
    string Expected,
    string Actual,
    string Problem,
    ImmutableArray<string> StateDifferences);
