using System.Buffers.Binary;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Storage;

namespace Drivechain.Node.Chain;

public sealed partial class ChainManager
{
    /// <summary>
    /// Core's <c>-loadblock</c>: submits every block of external block files (Core's <c>blk*.dat</c> layout: magic, length,
    /// block — unobfuscated) in file order, as if they had arrived from a peer; they are stored in our own block files.
    /// Blocks already known are skipped; a block whose parent comes later waits for it; rejected blocks are reported
    /// through <see cref="ChainManagerOptions.Progress"/> and stay known invalid. The chain lock is taken per block, so
    /// readers proceed during a long import.
    /// </summary>
    /// <returns>The number of block records read.</returns>
    public long ImportBlockFiles(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var progress = _options.Progress;
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(_network.MessageStart.AsSpan());
        var waiting = new WaitingBlocks<Block>(block => block.Hash);
        long blocks = 0;
        for (int file = 0; file < paths.Count; file++)
        {
            using var handle = File.OpenHandle(paths[file], FileMode.Open, FileAccess.Read, FileShare.Read);
            foreach (var (_, _, block) in BlockRecordScanner.Scan(handle, magic))
            {
                blocks++;
                lock (_lock)
                {
                    if (_tree.TryGet(block.Hash, out var known) && known.HasData) continue;
                    if (!_tree.Contains(block.Header.PreviousBlockHash))
                    {
                        waiting.Add(block.Header.PreviousBlockHash, block);
                        continue;
                    }
                    Submit(block);
                    waiting.Release(block.Hash, Submit);
                }
                progress?.Report(new ChainLoadProgress(ChainLoadPhase.Importing, file, paths.Count, blocks, Height));
            }
        }
        progress?.Report(new ChainLoadProgress(ChainLoadPhase.Importing, paths.Count, paths.Count, blocks, Height, IsFinal: true)
        {
            Orphans = waiting.Count,
            Statistics = Statistics,
        });
        return blocks;

        void Submit(Block block)
        {
            if (SubmitCore(block, BlockFilePosition.None) is SubmitOutcome.Rejected rejected)
                progress?.Report(new ChainLoadProgress(ChainLoadPhase.Importing, 0, paths.Count, blocks, _tree.Active.Height) { Rejected = rejected });
        }
    }
}
