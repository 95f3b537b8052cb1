using System.Collections.Immutable;
using System.Diagnostics;
using Drivechain.Consensus;
using Drivechain.Consensus.State;
using Drivechain.Node.Chain;
using Drivechain.Node.Chain.Tip;
using Drivechain.Node.Hosting;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Dashboard;

/// <summary>
/// The dashboard's memory of recent blocks (<see cref="BlockSnapshot"/>: treasuries, bundle ACKs, M4, BMM) for the
/// charts over height. It follows the tip-change stream: a connect appends a snapshot, a disconnect removes it, so the
/// history is always that of the active chain. At start (and after being dropped for falling behind) it rebuilds the
/// list by replaying the active chain's blocks through the pure drivechain validator, then checks it reached the
/// subscription's state.
/// </summary>
public sealed partial class DashboardHistory(Microsoft.Extensions.Options.IOptions<NodeOptions> options, NodeChain node, NodeReadiness readiness, DashboardEvents events, TimeProvider time,
    ILogger<DashboardHistory> log) : TipChangeConsumer(node, log, "dashboard", capacity: 1024)
{
    /// <summary>Blocks kept (the charts' horizon).</summary>
    public const int MaxBlocks = 1000;

    private ImmutableList<BlockSnapshot> _blocks = [];

    /// <summary>The recent blocks of the active chain, oldest first (at most <see cref="MaxBlocks"/>).</summary>
    public ImmutableList<BlockSnapshot> Blocks => Volatile.Read(ref _blocks);

    /// <summary>The snapshot of a block of the active chain's recent history, or null.</summary>
    public BlockSnapshot? Find(Bitcoin.Primitives.UInt256 hash) => Blocks.FindLast(b => b.Hash == hash);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.DashboardEnabled ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    protected override Task BeforeSubscribingAsync(CancellationToken cancellationToken) => readiness.WhenReady.WaitAsync(cancellationToken);

    protected override async ValueTask OnSubscribedAsync(BlockIndex tip, DrivechainState state, long startSequence, CancellationToken cancellationToken)
    {
        await Task.Run(() => Rebuild(tip, state), cancellationToken);
        events.Publish(new DashboardEvent("resync", tip.Height, tip.Hash.ToString(), startSequence, Now()));
    }

    protected override ValueTask OnChangeAsync(TipChange change, CancellationToken cancellationToken)
    {
        Apply(change);
        return default;
    }

    // The dashboard is an observer: its failure must not stop the node. The page keeps the current state (from the RPCs)
    // without charts.
    protected override bool OnFailed(Exception exception)
    {
        LogFailed(Log, exception);
        return true;
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private void Apply(TipChange change)
    {
        var blocks = Blocks;
        switch (change)
        {
            case TipChange.Connected c:
                blocks = blocks.Add(BlockSnapshot.Create(c.Block, c.Index.Height, c.State, c.Events, c.Spent));
                if (blocks.Count > MaxBlocks) blocks = blocks.RemoveRange(0, blocks.Count - MaxBlocks);
                break;
            case TipChange.Disconnected d:
                if (blocks.Count > 0 && blocks[^1].Hash == d.Block.Hash) blocks = blocks.RemoveAt(blocks.Count - 1);
                break;
        }
        Volatile.Write(ref _blocks, blocks);
        var type = change is TipChange.Connected ? "connected" : "disconnected";
        events.Publish(new DashboardEvent(type, change.Index.Height, change.Block.Hash.ToString(), change.Sequence, Now()));
    }

    /// <summary>Replays the active chain up to <paramref name="tip"/>, keeping the last <see cref="MaxBlocks"/> snapshots.</summary>
    private void Rebuild(BlockIndex tip, DrivechainState expected)
    {
        var watch = Stopwatch.StartNew();
        var chain = Node.Chain;
        var first = Math.Max(1, tip.Height - MaxBlocks + 1);
        var blocks = ImmutableList.CreateBuilder<BlockSnapshot>();
        var state = ActiveChainReplay.Run(Node, tip, (block, height, accepted) =>
        {
            if (height < first) return;
            chain.TryGetSpentCoins(block.Hash, out var spent);
            blocks.Add(BlockSnapshot.Create(block, height, accepted.State, accepted.Events, spent));
        });
        if (!state.Equals(expected)) LogMismatch(Log, tip.Height);
        Volatile.Write(ref _blocks, blocks.ToImmutable());
        LogRebuilt(Log, blocks.Count, tip.Height, watch.ElapsedMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard history: {Blocks} blocks up to height {Height} replayed in {Milliseconds} ms")]
    private static partial void LogRebuilt(ILogger logger, int blocks, int height, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard history: the replayed drivechain state at height {Height} differs from the node's")]
    private static partial void LogMismatch(ILogger logger, int height);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dashboard history stopped; the dashboard shows no history until the node restarts")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
