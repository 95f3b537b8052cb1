using Drivechain.Consensus.State;
using Drivechain.Node.Chain;
using Drivechain.Node.Chain.Tip;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Hosting;

/// <summary>
/// A hosted consumer of the tip-change stream: once the chain has loaded (and <see cref="BeforeSubscribingAsync"/> let it
/// start) it subscribes, is told the tip it starts from (<see cref="OnSubscribedAsync"/>), hands every change to
/// <see cref="OnChangeAsync"/> in order, and when it falls too far behind (the stream drops it rather than wait) it
/// subscribes again from the current tip. Validation never waits for it. An observer whose failure must not stop the
/// node handles it in <see cref="OnFailed"/>.
/// </summary>
public abstract partial class TipChangeConsumer(NodeChain node, ILogger log, string name, int capacity = TipChangeStream.DefaultCapacity)
    : BackgroundService
{
    /// <summary>The node's chain.</summary>
    protected NodeChain Node { get; } = node;

    /// <summary>The consumer's logger.</summary>
    protected ILogger Log { get; } = log;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var chain = await Node.Loaded.WaitAsync(stoppingToken).ConfigureAwait(false);
            await BeforeSubscribingAsync(stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                using var subscription = chain.SubscribeTipChanges(name, out var tip, out var state, capacity);
                try
                {
                    await OnSubscribedAsync(tip, state, subscription.StartSequence, stoppingToken).ConfigureAwait(false);
                    await foreach (var change in subscription.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
                        await OnChangeAsync(change, stoppingToken).ConfigureAwait(false);
                    return;   // the subscription was closed
                }
                catch (TipChangeSubscriberDroppedException)
                {
                    LogDropped(Log, name, capacity);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e) when (OnFailed(e))
        {
            // Handled: the consumer stops, the node runs on.
        }
    }

    /// <summary>Awaited once the chain has loaded, before the first subscription (e.g. until the node is ready).</summary>
    protected virtual Task BeforeSubscribingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called after each (re)subscription with the tip and drivechain state the next change follows, and the stream's
    /// sequence number at that point.
    /// </summary>
    protected virtual ValueTask OnSubscribedAsync(BlockIndex tip, DrivechainState state, long startSequence, CancellationToken cancellationToken) => default;

    /// <summary>Called for every change of the active chain, in order.</summary>
    protected abstract ValueTask OnChangeAsync(TipChange change, CancellationToken cancellationToken);

    /// <summary>An unexpected failure: true when handled (the consumer stops, the node runs on); false lets it stop the host.</summary>
    protected virtual bool OnFailed(Exception exception) => false;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Consumer} fell more than {Capacity} tip changes behind; resuming from the current tip")]
    private static partial void LogDropped(ILogger logger, string consumer, int capacity);
}
