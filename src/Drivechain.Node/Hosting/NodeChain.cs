using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Consensus;
using Drivechain.Node.Chain;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Hosting;

/// <summary>
/// The node's chain (opened from the chain data directory at start-up, flushed and closed at stop) and the one lock
/// (Core's cs_main) every operation that reads or changes the chain and the mempool together takes.
/// </summary>
public sealed class NodeChain(IOptions<NodeOptions> options, Network network, ISecp256k1 secp) : IDisposable
{
    private ChainManager? _chain;

    /// <summary>Serialises block submission, mempool changes and template building.</summary>
    public SemaphoreSlim Lock { get; } = new(1, 1);

    public Network Network { get; } = network;

    public DrivechainParams Params { get; } = DrivechainParams.ForNetwork(network.Name);

    public DrivechainValidator Validator { get; } = new(DrivechainParams.ForNetwork(network.Name));

    public ISecp256k1 Secp { get; } = secp;

    public bool IsLoaded => _chain is not null;

    /// <summary>The chain; throws <see cref="InvalidOperationException"/> before it has loaded.</summary>
    public ChainManager Chain => _chain ?? throw new InvalidOperationException("the chain is not loaded yet");

    /// <summary>
    /// Opens the stored chain (or creates it with the genesis block), first rebuilding its state from the block files when
    /// <see cref="NodeOptions.Reindex"/> is set. Called once by the start-up service.
    /// </summary>
    public void Open(IProgress<ChainLoadProgress>? progress = null)
    {
        if (_chain is not null) return;
        var chainOptions = new ChainManagerOptions
        {
            Progress = progress,
            DataDirectoryLockHeld = true,
            DbCacheBytes = options.Value.DbCacheBytes,
        };
        _chain = options.Value.Reindex
            ? ChainManager.Reindex(options.Value.ChainDataDirectory, Network, Params, Secp, chainOptions)
            : ChainManager.Open(options.Value.ChainDataDirectory, Network, Params, Secp, chainOptions);
    }

    /// <summary>Uses an existing chain (tests, embedding).</summary>
    public void Attach(ChainManager chain) => _chain = chain;

    /// <summary>Flushes and closes the chain.</summary>
    public void Dispose()
    {
        _chain?.Dispose();
        _chain = null;
        Lock.Dispose();
    }
}
