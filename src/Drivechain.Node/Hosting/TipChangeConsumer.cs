using Drivechain.Consensus.State;
using Drivechain.Node.Chain;
using Drivechain.Node.Chain.Tip;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Hosting;

/// <summary>
/// A hosted consumer of the tip-change stream: once the chain has loaded it subscribes, hands every change to
/// <see cref="OnChangeAsync"/> in order, and when it falls too far behind (the stream drops it rather than wait) it
/// subscribes again and is told the tip it resumes from (<see cref="OnSubscribedAsync"/>). Validation never waits for it.
/// </summary>
public abstract partial class TipChangeConsumer(NodeChain node, ILogger log, string name, int capacity = TipChangeStream.DefaultCapacity)
    : BackgroundService
{
    /// <summary>The node's chain.</summary>
    protected NodeChain Node { get; } = node;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ChainManager chain;
        try
        {
            chain = await Node.Loaded.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            using var subscription = chain.SubscribeTipChanges(name, out var tip, out var state, capacity);
            try
            {
                await OnSubscribedAsync(tip, state, stoppingToken).ConfigureAwait(false);
                await foreach (var change in subscription.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
                    await OnChangeAsync(change, stoppingToken).ConfigureAwait(false);
                return;   // the subscription was closed
            }
            catch (TipChangeSubscriberDroppedException)
            {
                LogDropped(log, name, capacity);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Called after each (re)subscription with the tip and drivechain state the next change follows.</summary>
    protected virtual ValueTask OnSubscribedAsync(BlockIndex tip, DrivechainState state, CancellationToken cancellationToken) => default;

    /// <summary>Called for every change of the active chain, in order.</summary>
    protected abstract ValueTask OnChangeAsync(TipChange change, CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Consumer} fell more than {Capacity} tip changes behind; resuming from the current tip")]
    private static partial void LogDropped(ILogger logger, string consumer, int capacity);
}
