namespace Drivechain.Node.Chain;

/// <summary>What a <see cref="ChainLoadProgress"/> report is about.</summary>
public enum ChainLoadPhase
{
    /// <summary>Reading the stored block index (entries of the block tree).</summary>
    LoadingBlockIndex,

    /// <summary>Rebuilding the chain state from the block files (-reindex).</summary>
    Reindexing,

    /// <summary>Importing blocks from external block files (-loadblock).</summary>
    Importing,
}
