using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Storage;

namespace Drivechain.Node.Chain;

public sealed partial class ChainManager
{
    /// <summary>
    /// Reindex into an empty database: every block record of the block files, in file order, goes through the normal
    /// submission (its bytes stay where they are). Blocks whose parent is not known yet (files out of order after a
    /// reorg or a crash) wait until the parent arrives; those whose parent never comes are left out.
    /// </summary>
    private void RebuildFromBlockFiles()
    {
        var files = _store.BlockFiles!;
        var progress = _options.Progress;
        var genesisHash = _network.Genesis.Hash;
        var waiting = new WaitingBlocks<(BlockFilePosition Position, Block Block)>(entry => entry.Block.Hash);
        int totalFiles = files.FileCount;
        long blocks = 0;
        lock (_lock)
        {
            foreach (var (position, block) in files.ReadAll())
            {
                blocks++;
                if (block.Hash == genesisHash)
                {
                    if (_tree.Tip is not null) continue;
                    InitialiseGenesis(position);
                }
                else if (_tree.Tip is null || !_tree.Contains(block.Header.PreviousBlockHash))
                {
                    if (_tree.TryGet(block.Hash, out var known) && known.HasData) continue;
                    waiting.Add(block.Header.PreviousBlockHash, (position, block));
                    continue;
                }
                else Submit((position, block));

                waiting.Release(block.Hash, Submit);
                progress?.Report(new ChainLoadProgress(ChainLoadPhase.Reindexing, position.File, totalFiles, blocks, _tree.Active.Height));
            }
            if (_tree.Tip is null)
            {
                // No genesis block in the files (none written yet): store it as a new chain would.
                InitialiseGenesis();
                waiting.Release(genesisHash, Submit);
            }
            FlushCore(clearCache: false);
            progress?.Report(new ChainLoadProgress(ChainLoadPhase.Reindexing, totalFiles, totalFiles, blocks, _tree.Active.Height, IsFinal: true)
            {
                Orphans = waiting.Count,
                Statistics = Statistics,
            });
        }

        void Submit((BlockFilePosition Position, Block Block) entry)
        {
            var (position, block) = entry;
            if (SubmitCore(block, position) is SubmitOutcome.Rejected rejected)
                progress?.Report(new ChainLoadProgress(ChainLoadPhase.Reindexing, position.File, totalFiles, blocks, _tree.Active.Height) { Rejected = rejected });
        }
    }
}
