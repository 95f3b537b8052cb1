using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Node.Grpc;

namespace Drivechain.Node.ChainView;

/// <summary>
/// The read-only view of a validated chain that the sidechain gRPC API serves from: the tip with its drivechain state,
/// headers by hash, each block's drivechain events, and a stream of connects and disconnects. The node implements it
/// over its <see cref="Chain.ChainManager"/> (<see cref="NodeChainView"/>); <c>drivechain sidecar</c> over its store and
/// Bitcoin Core's JSON-RPC (<see cref="Sidecar.SidecarChainView"/>). Its only consumer is the gRPC API, so a view that
/// cannot answer yet (still loading, Core unreachable) throws an UNAVAILABLE <see cref="global::Grpc.Core.RpcException"/>.
/// </summary>
public interface IChainView
{
    /// <summary>Core's chain name: main, test, testnet4, signet or regtest.</summary>
    string NetworkName { get; }

    /// <summary>The drivechain parameters of the chain.</summary>
    DrivechainParams Params { get; }

    /// <summary>The last validated block and the drivechain state after it.</summary>
    ValueTask<ChainViewTip> GetTipAsync(CancellationToken cancellationToken);

    /// <summary>The header of a known block (on the active chain or not), or null when the chain does not know it.</summary>
    ValueTask<ChainViewHeader?> GetHeaderAsync(UInt256 hash, CancellationToken cancellationToken);

    /// <summary>The height of the best header known (for header-sync progress).</summary>
    ValueTask<int> GetBestHeaderHeightAsync(CancellationToken cancellationToken);

    /// <summary>
    /// What a validated block did for the sidechains (<see cref="BlockEvents.Empty"/> for a block without drivechain content
    /// or one this view has not validated); waits until the view has recorded every change it published so far.
    /// </summary>
    ValueTask<BlockEvents> GetBlockEventsAsync(UInt256 hash, CancellationToken cancellationToken);

    /// <summary>
    /// Every connect and disconnect of the validated chain from now on, in order; a subscriber that falls too far behind
    /// is dropped (<see cref="ChainViewSubscription.WasDropped"/>).
    /// </summary>
    ChainViewSubscription Subscribe(string name);
}
