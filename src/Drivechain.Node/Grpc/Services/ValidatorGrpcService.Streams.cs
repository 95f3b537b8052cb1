using Drivechain.Node.ChainView;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Drivechain.Node.Hosting;
using Grpc.Core;
using static Drivechain.Node.Grpc.GrpcFields;

namespace Drivechain.Node.Grpc.Services;

public sealed partial class ValidatorGrpcService
{
    /// <summary>
    /// From the moment of subscription (no replay): one ConnectBlock per connected block (empty ones too) and one
    /// DisconnectBlock per disconnected block, in the chain view's order. A subscriber more than the view's buffer
    /// (the node's <see cref="NodeOptions.GrpcEventBuffer"/>) behind is dropped: the stream ends with RESOURCE_EXHAUSTED.
    /// Response headers are sent as soon as the subscription exists, so a client knows from when it receives every block.
    /// </summary>
    public override async Task SubscribeEvents(SubscribeEventsRequest request, IServerStreamWriter<SubscribeEventsResponse> responseStream, ServerCallContext context)
    {
        var slot = Slot(request.SidechainId, "sidechain_id");
        using var subscription = chain.Subscribe($"grpc SubscribeEvents {context.Peer}");
        await context.WriteResponseHeadersAsync([]);   // the client can await the headers to know it is subscribed
        await ForwardAsync(subscription, change => ValueTask.FromResult<SubscribeEventsResponse?>(new() { Event = Event(change, slot) }),
            responseStream, context.CancellationToken);
    }

    /// <summary>
    /// Writes every change of <paramref name="subscription"/> as <paramref name="convert"/> makes it (null skips one) until the
    /// client leaves or <paramref name="isLast"/> says a written message ends the stream; a dropped subscription ends the
    /// call with RESOURCE_EXHAUSTED and says how to recover.
    /// </summary>
    internal static async Task ForwardAsync<T>(ChainViewSubscription subscription, Func<ChainViewChange, ValueTask<T?>> convert, IServerStreamWriter<T> stream,
        CancellationToken cancellationToken, Func<T, bool>? isLast = null) where T : class
    {
        try
        {
            while (await subscription.WaitToReadAsync(cancellationToken))
                while (subscription.TryRead(out var change))
                {
                    if (await convert(change) is not { } message) continue;
                    await stream.WriteAsync(message, cancellationToken);
                    if (isLast?.Invoke(message) == true) return;
                }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;   // the client left
        }
        if (subscription.WasDropped)
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"subscriber dropped: it fell {subscription.Capacity} blocks behind the node (the node never waits for a subscriber); " +
                "resubscribe and resynchronise with GetBlockInfo from your last known block"));
    }

    private static SubscribeEventsResponse.Types.Event Event(ChainViewChange change, byte slot) => change switch
    {
        ChainViewChange.Connected c => new() { ConnectBlock = new()
        {
            HeaderInfo = GrpcMessages.HeaderInfo(c.Header),
            BlockInfo = GrpcMessages.BlockInfo(BlockEvents.Create(c.Block, c.Events, c.State), slot),
        } },
        _ => new() { DisconnectBlock = new() { BlockHash = GrpcMessages.ReverseHex(change.Hash) } },
    };

    /// <summary>
    /// The best known header height now, then again after every tip change, until the client leaves. The node receives
    /// blocks whole (P2P, RPC, the miner), so its best header is the best block of the block tree; the sidecar asks Core.
    /// </summary>
    public override async Task SubscribeHeaderSyncProgress(SubscribeHeaderSyncProgressRequest request,
        IServerStreamWriter<SubscribeHeaderSyncProgressResponse> responseStream, ServerCallContext context)
    {
        using var subscription = chain.Subscribe($"grpc SubscribeHeaderSyncProgress {context.Peer}");
        await responseStream.WriteAsync(await HeaderProgressAsync(context.CancellationToken), context.CancellationToken);
        await ForwardAsync<SubscribeHeaderSyncProgressResponse>(subscription, async _ => await HeaderProgressAsync(context.CancellationToken),
            responseStream, context.CancellationToken);
    }

    private async ValueTask<SubscribeHeaderSyncProgressResponse> HeaderProgressAsync(CancellationToken cancellationToken) =>
        new() { CurrentHeight = (uint)await chain.GetBestHeaderHeightAsync(cancellationToken) };

    /// <summary>Stops the process cleanly, as RPC <c>stop</c> does: the reply is sent, then the node (or sidecar) shuts down.</summary>
    public override Task<StopResponse> Stop(StopRequest request, ServerCallContext context)
    {
        if (stopControl.IsStopping) throw new RpcException(new Status(StatusCode.Unavailable, "the node is already stopping"));
        stopControl.Announce("gRPC Stop received");
        context.GetHttpContext().Response.OnCompleted(() =>
        {
            stopControl.Stop();
            return Task.CompletedTask;
        });
        return Task.FromResult(new StopResponse());
    }
}
