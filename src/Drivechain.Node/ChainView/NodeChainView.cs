using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Node.Chain;
using Drivechain.Node.Chain.Tip;
using Drivechain.Node.Grpc;
using Drivechain.Node.Hosting;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.ChainView;

/// <summary>
/// The node's chain as an <see cref="IChainView"/>: an adapter over <see cref="ChainManager"/>'s public members, the
/// <see cref="BlockEventIndex"/> for per-block events and the tip-change stream for subscriptions (buffer
/// <see cref="NodeOptions.GrpcEventBuffer"/>).
/// </summary>
public sealed class NodeChainView(NodeChain node, BlockEventIndex blockEvents, IOptions<NodeOptions> options) : IChainView
{
    /// <inheritdoc />
    public string NetworkName => node.Network.Name;

    /// <inheritdoc />
    public DrivechainParams Params => node.Params;

    /// <summary>The loaded chain; UNAVAILABLE while the node is still loading it.</summary>
    private ChainManager Chain =>
        node.IsLoaded ? node.Chain : throw new RpcException(new Status(StatusCode.Unavailable, "the node is still loading its chain; retry shortly"));

    /// <inheritdoc />
    public ValueTask<ChainViewTip> GetTipAsync(CancellationToken cancellationToken)
    {
        var chain = Chain;
        using (chain.EnterLock()) return ValueTask.FromResult(new ChainViewTip(Header(chain.Tip), chain.TipDrivechainState));
    }

    /// <inheritdoc />
    public ValueTask<ChainViewHeader?> GetHeaderAsync(UInt256 hash, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Chain.GetBlockIndex(hash) is { } index ? Header(index) : null);

    /// <inheritdoc />
    public ValueTask<int> GetBestHeaderHeightAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(Chain.GetChainTips().Max(t => t.Height));

    /// <inheritdoc />
    public async ValueTask<BlockEvents> GetBlockEventsAsync(UInt256 hash, CancellationToken cancellationToken)
    {
        _ = Chain;
        try
        {
            await blockEvents.WaitCaughtUpAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"the block-event index is not available: {e.Message}"));
        }
        return blockEvents.Get(hash);
    }

    /// <inheritdoc />
    public ChainViewSubscription Subscribe(string name) =>
        new Subscription(Chain.SubscribeTipChanges(name, out _, out _, options.Value.GrpcEventBuffer));

    private static ChainViewHeader Header(BlockIndex index) => new(index.Height, index.Header);

    /// <summary>A tip-change subscription read as chain-view changes.</summary>
    private sealed class Subscription(TipChangeSubscription inner) : ChainViewSubscription(inner.Name, inner.Capacity)
    {
        public override bool WasDropped => inner.WasDropped;

        public override async ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken)
        {
            try
            {
                return !inner.WasDropped && await inner.Reader.WaitToReadAsync(cancellationToken);
            }
            catch (TipChangeSubscriberDroppedException)
            {
                return false;
            }
        }

        public override bool TryRead(out ChainViewChange change)
        {
            change = null!;
            if (inner.WasDropped || !inner.Reader.TryRead(out var tipChange)) return false;
            change = tipChange switch
            {
                TipChange.Connected c => new ChainViewChange.Connected(Header(c.Index), c.Block, c.Events, c.State),
                _ => new ChainViewChange.Disconnected(tipChange.Index.Hash, tipChange.Index.Height),
            };
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
        }
    }
}
