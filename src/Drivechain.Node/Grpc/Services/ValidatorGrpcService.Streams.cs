using Drivechain.Node.Chain.Tip;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Drivechain.Node.Hosting;
using Grpc.Core;
using static Drivechain.Node.Grpc.GrpcFields;

namespace Drivechain.Node.Grpc.Services;

public sealed partial class ValidatorGrpcService
{
    /// <summary>
    /// From the moment of subscription (no replay): one ConnectBlock per connected block (empty ones too) and one
    /// DisconnectBlock per disconnected block, in the tip-change stream's order. A subscriber more than
    /// <see cref="NodeOptions.GrpcEventBuffer"/> changes behind is dropped: the stream ends with RESOURCE_EXHAUSTED.
    /// Response headers are sent as soon as the subscription exists, so a client knows from when it receives every block.
    /// </summary>
    public override async Task SubscribeEvents(SubscribeEventsRequest request, IServerStreamWriter<SubscribeEventsResponse> responseStream, ServerCallContext context)
    {
        var slot = Slot(request.SidechainId, "sidechain_id");
        using var subscription = grpc.Chain.SubscribeTipChanges($"grpc SubscribeEvents {context.Peer}", out _, out _, grpc.Options.GrpcEventBuffer);
        await context.WriteResponseHeadersAsync([]);   // the client can await the headers to know it is subscribed
        await ForwardAsync(subscription, change => new SubscribeEventsResponse { Event = Event(change, slot) }, responseStream, context.CancellationToken);
    }

    /// <summary>
    /// Writes every change of <paramref name="subscription"/> as <paramref name="convert"/> makes it (null skips one) until the
    /// client leaves or <paramref name="isLast"/> says a written message ends the stream; a dropped subscription ends the
    /// call with RESOURCE_EXHAUSTED and says how to recover.
    /// </summary>
    internal static async Task ForwardAsync<T>(TipChangeSubscription subscription, Func<TipChange, T?> convert, IServerStreamWriter<T> stream,
        CancellationToken cancellationToken, Func<T, bool>? isLast = null) where T : class
    {
        try
        {
            while (!subscription.WasDropped && await subscription.Reader.WaitToReadAsync(cancellationToken))
                while (!subscription.WasDropped && subscription.Reader.TryRead(out var change))
                {
                    if (convert(change) is not { } message) continue;
                    await stream.WriteAsync(message, cancellationToken);
                    if (isLast?.Invoke(message) == true) return;
                }
            if (subscription.WasDropped) throw new TipChangeSubscriberDroppedException(subscription.Name, subscription.Capacity);
        }
        catch (TipChangeSubscriberDroppedException)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"subscriber dropped: it fell {subscription.Capacity} blocks behind the node (the node never waits for a subscriber); " +
                "resubscribe and resynchronise with GetBlockInfo from your last known block"));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left.
        }
    }

    private SubscribeEventsResponse.Types.Event Event(TipChange change, byte slot) => change switch
    {
        TipChange.Connected c => new() { ConnectBlock = new()
        {
            HeaderInfo = GrpcMessages.HeaderInfo(c.Index),
            BlockInfo = GrpcMessages.BlockInfo(BlockEvents.Create(c.Block, c.Events, c.State), slot),
        } },
        _ => new() { DisconnectBlock = new() { BlockHash = GrpcMessages.ReverseHex(change.Index.Hash) } },
    };

    /// <summary>
    /// The node's best known header height now, then again after every tip change, until the client leaves. Blocks arrive
    /// whole (P2P, RPC, the miner), so the best header is the best block of the block tree.
    /// </summary>
    public override async Task SubscribeHeaderSyncProgress(SubscribeHeaderSyncProgressRequest request,
        IServerStreamWriter<SubscribeHeaderSyncProgressResponse> responseStream, ServerCallContext context)
    {
        var chain = grpc.Chain;
        using var subscription = chain.SubscribeTipChanges($"grpc SubscribeHeaderSyncProgress {context.Peer}", out _, out _, grpc.Options.GrpcEventBuffer);
        await responseStream.WriteAsync(HeaderProgress(), context.CancellationToken);
        await ForwardAsync(subscription, _ => HeaderProgress(), responseStream, context.CancellationToken);
    }

    private SubscribeHeaderSyncProgressResponse HeaderProgress() =>
        new() { CurrentHeight = (uint)grpc.Chain.GetChainTips().Max(t => t.Height) };

    /// <summary>Stops the node cleanly, as RPC <c>stop</c> does: the reply is sent, then the node shuts down.</summary>
    public override Task<StopResponse> Stop(StopRequest request, ServerCallContext context)
    {
        if (grpc.Lifetime.ApplicationStopping.IsCancellationRequested) throw new RpcException(new Status(StatusCode.Unavailable, "the node is already stopping"));
        grpc.Readiness.Transition(NodeState.Stopping, "gRPC Stop received");
        context.GetHttpContext().Response.OnCompleted(() =>
        {
            grpc.Lifetime.StopApplication();
            return Task.CompletedTask;
        });
        return Task.FromResult(new StopResponse());
    }
}
