using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Consensus;
using Drivechain.Node.Chain;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Hosting;

/// <summary>
/// The node's chain: opened from the chain data directory at start-up, flushed and closed at stop. Its lock
/// (<see cref="EnterLock"/>, Core's cs_main) is the node's only chain-state lock: every operation that reads or changes
/// the chain and the mempool together takes it.
/// </summary>
public sealed class NodeChain(IOptions<NodeOptions> options, Network network, ISecp256k1 secp, TimeProvider time) : IDisposable
{
    private readonly TaskCompletionSource<ChainManager> _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ChainManager? _chain;

    public Network Network { get; } = network;

    public DrivechainParams Params { get; } = DrivechainParams.ForNetwork(network.Name);

    /// <summary>The chain's drivechain validator (the node has one).</summary>
    public DrivechainValidator Validator => Chain.Validator;

    public ISecp256k1 Secp { get; } = secp;

    public bool IsLoaded => _chain is not null;

    /// <summary>The chain; throws <see cref="InvalidOperationException"/> before it has loaded.</summary>
    public ChainManager Chain => _chain ?? throw new InvalidOperationException("the chain is not loaded yet");

    /// <summary>Completes with the chain once it has loaded (consumers of the tip-change stream start here).</summary>
    public Task<ChainManager> Loaded => _loaded.Task;

    /// <summary>Takes the chain-state lock (re-entrant, synchronous: never hold it across an await).</summary>
    public Lock.Scope EnterLock() => Chain.EnterLock();

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
            TimeProvider = time,
        };
        Attach(options.Value.Reindex
            ? ChainManager.Reindex(options.Value.ChainDataDirectory, Network, Params, Secp, chainOptions)
            : ChainManager.Open(options.Value.ChainDataDirectory, Network, Params, Secp, chainOptions));
    }

    /// <summary>Uses an existing chain (tests, embedding).</summary>
    public void Attach(ChainManager chain)
    {
        _chain = chain;
        _loaded.TrySetResult(chain);
    }

    /// <summary>Flushes and closes the chain.</summary>
    public void Dispose()
    {
        _chain?.Dispose();
        _chain = null;
    }
}
