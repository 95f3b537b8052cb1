using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Node.ChainView;
using Drivechain.Node.Grpc;
using Grpc.Core;

namespace Drivechain.Node.Sidecar;

/// <summary>
/// The sidecar's validated chain as an <see cref="IChainView"/>: the tip and its drivechain state from the
/// <see cref="SidecarFollower"/>, headers from Bitcoin Core (<c>getblockheader</c>), a block's events recomputed from the
/// state before it kept in the <see cref="SidecarStore"/> and the block fetched from Core, and the follower's connects and
/// disconnects as the change stream. A call Core cannot answer is UNAVAILABLE.
/// </summary>
public sealed class SidecarChainView : IChainView
{
    /// <summary>Buffer of a subscription (as the node's default <c>grpceventbuffer</c>).</summary>
    public const int EventBuffer = 1000;

    private readonly SidecarFollower _follower;
    private readonly SidecarStore _store;
    private readonly CoreRpcClient _core;
    private readonly DrivechainValidator _validator;
    private readonly ChainViewBroadcast _changes = new();

    /// <param name="networkName">Core's chain name (main, test, testnet4, signet, regtest).</param>
    /// <param name="follower">The started follower (its changes are published from now on).</param>
    /// <param name="store">The follower's store.</param>
    /// <param name="core">Core's RPC client.</param>
    /// <param name="validator">The validator of the chain's drivechain parameters.</param>
    public SidecarChainView(string networkName, SidecarFollower follower, SidecarStore store, CoreRpcClient core, DrivechainValidator validator)
    {
        ArgumentNullException.ThrowIfNull(follower);
        NetworkName = networkName;
        Params = DrivechainParams.ForNetwork(networkName);
        (_follower, _store, _core, _validator) = (follower, store, core, validator);
        follower.Changed += _changes.Publish;
    }

    /// <inheritdoc />
    public string NetworkName { get; }

    /// <inheritdoc />
    public DrivechainParams Params { get; }

    /// <inheritdoc />
    public async ValueTask<ChainViewTip> GetTipAsync(CancellationToken cancellationToken)
    {
        var tip = _follower.Tip ?? throw Unavailable("the sidecar has not started following Bitcoin Core yet");
        var header = await GetHeaderAsync(tip.Hash, cancellationToken) ?? throw Unavailable($"Bitcoin Core no longer knows the sidecar's tip {tip.Hash}");
        return new ChainViewTip(header, tip.State);
    }

    /// <inheritdoc />
    public async ValueTask<ChainViewHeader?> GetHeaderAsync(UInt256 hash, CancellationToken cancellationToken)
    {
        if (await CoreAsync(() => _core.GetBlockHeaderAsync(hash, cancellationToken)) is not { } found) return null;
        var reader = new Bitcoin.Serialization.BitcoinReader(found.Header);
        return BlockHeader.TryRead(ref reader, out var header) && reader.Remaining == 0 && header.Hash == hash
            ? new ChainViewHeader(found.Height, header)
            : throw Unavailable($"Bitcoin Core returned an unreadable header for {hash}");
    }

    /// <inheritdoc />
    public async ValueTask<int> GetBestHeaderHeightAsync(CancellationToken cancellationToken) =>
        await CoreAsync(() => _core.GetHeaderCountAsync(cancellationToken));

    /// <inheritdoc />
    /// <remarks>The follower persists a block before publishing it, so a block it announced is always answered.</remarks>
    public async ValueTask<BlockEvents> GetBlockEventsAsync(UInt256 hash, CancellationToken cancellationToken)
    {
        if (!_store.TryGetBlock(hash, out var height, out var before) || before is null) return BlockEvents.Empty;
        var raw = (await CoreAsync(() => _core.GetRawBlocksAsync([hash], cancellationToken)))[0];
        if (!Block.TryParse(raw, out var block, out _) || block.Hash != hash)
            throw Unavailable($"Bitcoin Core returned an unreadable block for {hash}");
        return _validator.Connect(before, block, height) is ConnectOutcome.Accepted accepted
            ? BlockEvents.Create(block, accepted.Events, accepted.State)
            : throw Unavailable($"block {hash} no longer connects on the stored state before it");
    }

    /// <inheritdoc />
    public ChainViewSubscription Subscribe(string name) => _changes.Subscribe(name, EventBuffer);

    private static async Task<T> CoreAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is CoreRpcException or HttpRequestException or InvalidOperationException)
        {
            throw Unavailable($"Bitcoin Core did not answer: {e.Message}");
        }
    }

    private static RpcException Unavailable(string message) => new(new Status(StatusCode.Unavailable, message));
}
