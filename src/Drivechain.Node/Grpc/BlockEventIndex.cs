using System.Collections.Concurrent;
using System.Diagnostics;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.State;
using Drivechain.Node.Chain;
using Drivechain.Node.Chain.Tip;
using Drivechain.Node.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Grpc;

/// <summary>
/// Per-block drivechain events for <c>GetBlockInfo</c>, <c>GetBmmHStarCommitment</c> and <c>GetTwoWayPegData</c>. At start
/// (and after falling behind) it replays the active chain through the pure validator, then follows the tip-change
/// stream. Records are kept by block hash and survive disconnects, so a block that left the active chain during this
/// run still answers with its events. Blocks without drivechain content are not stored. Off with the gRPC API (--grpc 0).
/// </summary>
public sealed partial class BlockEventIndex(NodeChain node, NodeReadiness readiness, IOptions<NodeOptions> options, ILogger<BlockEventIndex> log)
    : TipChangeConsumer(node, log, "grpc-block-events")
{
    private readonly ConcurrentDictionary<UInt256, BlockEvents> _blocks = new();
    private readonly TaskCompletionSource _built = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _applied = -1;

    /// <summary>The events of a known block (empty when it has none).</summary>
    public BlockEvents Get(UInt256 hash) => _blocks.TryGetValue(hash, out var events) ? events : BlockEvents.Empty;

    /// <summary>
    /// Waits until every tip change published so far is recorded (a caller that just mined a block sees its events).
    /// </summary>
    public async Task WaitCaughtUpAsync(CancellationToken cancellationToken)
    {
        await _built.Task.WaitAsync(cancellationToken);
        var target = Node.Chain.TipChanges.LastSequence;
        while (true)
        {
            var progress = Volatile.Read(ref _progress);     // read before the check: Advance completes this one after writing
            if (Volatile.Read(ref _applied) >= target) return;
            await progress.Task.WaitAsync(cancellationToken);
        }
    }

    protected override async Task BeforeSubscribingAsync(CancellationToken cancellationToken)
    {
        // Only the gRPC API reads these records: without it (--grpc 0) nothing is replayed or kept.
        if (!options.Value.Grpc) await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        await readiness.WhenReady.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async ValueTask OnSubscribedAsync(BlockIndex tip, DrivechainState state, long startSequence, CancellationToken cancellationToken)
    {
        await Task.Run(() => Replay(tip, state), cancellationToken);
        Advance(startSequence);
        _built.TrySetResult();
    }

    protected override ValueTask OnChangeAsync(TipChange change, CancellationToken cancellationToken)
    {
        if (change is TipChange.Connected c) Record(c.Block, c.Events, c.State);
        Advance(change.Sequence);
        return default;
    }

    // An observer: its failure must not stop the node; the block-info methods answer UNAVAILABLE from now on.
    protected override bool OnFailed(Exception exception)
    {
        LogFailed(Log, exception);
        _built.TrySetException(exception);
        return true;
    }

    private void Record(Block block, System.Collections.Immutable.ImmutableArray<DrivechainEvent> events, DrivechainState after)
    {
        var record = BlockEvents.Create(block, events, after);
        if (!record.IsEmpty) _blocks[block.Hash] = record;
    }

    private void Advance(long sequence)
    {
        Volatile.Write(ref _applied, sequence);
        Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Connects the active chain up to <paramref name="tip"/> on an empty state, recording every block's events.</summary>
    private void Replay(BlockIndex tip, DrivechainState expected)
    {
        var watch = Stopwatch.StartNew();
        var state = ActiveChainReplay.Run(Node, tip, (block, _, accepted) => Record(block, accepted.Events, accepted.State));
        if (!state.Equals(expected)) LogMismatch(Log, tip.Height);
        LogReplayed(Log, tip.Height, _blocks.Count, watch.ElapsedMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "gRPC block events: replayed to height {Height} ({Blocks} blocks with drivechain content) in {Milliseconds} ms")]
    private static partial void LogReplayed(ILogger logger, int height, int blocks, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "gRPC block events: the replayed drivechain state at height {Height} differs from the node's")]
    private static partial void LogMismatch(ILogger logger, int height);

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC block events stopped; GetBlockInfo answers UNAVAILABLE until the node restarts")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
