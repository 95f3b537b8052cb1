namespace Drivechain.Node.Chain;

/// <summary>
/// A progress report while a chain loads or reindexes (see <see cref="ChainManagerOptions.Progress"/>).
/// </summary>
/// <param name="Phase">What is being done.</param>
/// <param name="Done">Loading: index entries read; reindexing and importing: block files finished.</param>
/// <param name="Total">Loading: index entries stored; reindexing and importing: block files to read.</param>
/// <param name="Blocks">Reindexing and importing: block records read so far (loading: same as <paramref name="Done"/>).</param>
/// <param name="Height">The height of the active chain's tip so far (-1 before the genesis block is known).</param>
/// <param name="IsFinal">True on the one report at the end of the phase.</param>
public sealed record ChainLoadProgress(ChainLoadPhase Phase, long Done, long Total, long Blocks, int Height, bool IsFinal = false)
{
    /// <summary>Set on the report made for a block the reindex rejected (it stays known invalid).</summary>
    public SubmitOutcome.Rejected? Rejected { get; init; }

    /// <summary>Reindexing and importing: blocks whose parent never appeared in the files (left out of the tree).</summary>
    public int Orphans { get; init; }

    /// <summary>Reindexing and importing, on the final report: the chain's counters (time in the base and drivechain rules).</summary>
    public ChainStatistics? Statistics { get; init; }
}
