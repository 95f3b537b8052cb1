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
        var files = _blockFiles!;
        var progress = _options.Progress;
        var genesisHash = _network.Genesis.Hash;
        var waiting = new Dictionary<UInt256, List<(BlockFilePosition Position, Block Block)>>();
        int totalFiles = files.FileCount;
        long blocks = 0;
        int waitingCount = 0;
        lock (_lock)
        {
            foreach (var (position, block) in files.ReadAll())
            {
                blocks++;
                if (block.Hash == genesisHash)
                {
                    if (_active.Tip is not null) continue;
                    InitialiseGenesis(position);
                }
                else if (_active.Tip is null || !_index.ContainsKey(block.Header.PreviousBlockHash))
                {
                    if (_index.TryGetValue(block.Hash, out var known) && known.HasData) continue;
                    if (!waiting.TryGetValue(block.Header.PreviousBlockHash, out var children))
                        waiting.Add(block.Header.PreviousBlockHash, children = []);
                    children.Add((position, block));
                    waitingCount++;
                    continue;
                }
                else Submit(position, block);

                SubmitWaitingChildren(block.Hash);
                progress?.Report(new ChainLoadProgress(ChainLoadPhase.Reindexing, position.File, totalFiles, blocks, _active.Height));
            }
            if (_active.Tip is null)
            {
                // No genesis block in the files (none written yet): store it as a new chain would.
                InitialiseGenesis();
                SubmitWaitingChildren(genesisHash);
            }
            FlushCore(clearCache: false);
            progress?.Report(new ChainLoadProgress(ChainLoadPhase.Reindexing, totalFiles, totalFiles, blocks, _active.Height, IsFinal: true)
            {
                Orphans = waitingCount,
            });
        }

        // A block just added may be the parent others were waiting for (and they of others).
        void SubmitWaitingChildren(UInt256 hash)
        {
            var ready = new Queue<UInt256>();
            ready.Enqueue(hash);
            while (ready.Count > 0 && waiting.Count > 0)
            {
                if (!waiting.Remove(ready.Dequeue(), out var children)) continue;
                foreach (var (childPosition, child) in children)
                {
                    waitingCount--;
                    Submit(childPosition, child);
                    ready.Enqueue(child.Hash);
                }
            }
        }

        void Submit(BlockFilePosition position, Block block)
        {
            if (SubmitCore(block, position) is SubmitOutcome.Rejected rejected)
                progress?.Report(new ChainLoadProgress(ChainLoadPhase.Reindexing, position.File, totalFiles, blocks, _active.Height) { Rejected = rejected });
        }
    }
}
