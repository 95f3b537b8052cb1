using System.Collections.Immutable;
using System.Buffers.Binary;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus;
using Drivechain.Consensus.State;
using Drivechain.Node.Chain.Tip;
using Drivechain.Node.Chain.Validation;
using Drivechain.Node.Storage;

namespace Drivechain.Node.Chain;

/// <summary>
/// The node's validating core: block tree, most-work chain selection with reorganisations, UTXO set
/// and drivechain state, and their storage. Blocks go in through <see cref="SubmitBlock(Block)"/>; a block is
/// connected by the base rules (<see cref="BlockValidation"/>) and the drivechain rules
/// (<see cref="DrivechainValidator"/>) in one atomic step. One writer and any number of readers may use
/// it concurrently: every public member takes the same (re-entrant) lock.
/// </summary>
public sealed partial class ChainManager : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Network _network;
    private readonly BlockPipeline _pipeline;
    private readonly ChainManagerOptions _options;
    private readonly TipChangeStream _tipChanges = new();
    private readonly BlockTree _tree;
    private readonly ChainState _state;
    private readonly ChainStore _store;
    private ChainStatistics _statistics;
    private bool _disposed;

    private ChainManager(Network network, DrivechainParams drivechainParams, ISecp256k1 secp, ChainManagerOptions options,
        ChainDatabase? database, BlockFileStore? blockFiles, DataDirectoryLock? lockFile)
    {
        _network = network;
        _options = options;
        _pipeline = new BlockPipeline(network, secp, new DrivechainValidator(drivechainParams), options.PipelineTrace);
        _tree = new BlockTree(network, trackChanges: database is not null);
        _state = new ChainState(new CoinsCache(database));
        _store = new ChainStore(database, blockFiles, lockFile);
        DrivechainParams = drivechainParams;
    }

    /// <summary>A chain kept entirely in memory (tests, replay): nothing is written anywhere.</summary>
    public static ChainManager CreateInMemory(Network network, DrivechainParams drivechainParams, ISecp256k1 secp, ChainManagerOptions? options = null)
    {
        var chain = new ChainManager(network, drivechainParams, secp, options ?? new ChainManagerOptions(), null, null, null);
        chain.InitialiseGenesis();
        return chain;
    }

    /// <summary>
    /// Opens (or creates) a chain stored in <paramref name="dataDirectory"/>: <c>blocks/blk*.dat</c> and
    /// <c>chainstate.sqlite</c>. After a crash the chain resumes at the last flush.
    /// </summary>
    public static ChainManager Open(string dataDirectory, Network network, DrivechainParams drivechainParams, ISecp256k1 secp, ChainManagerOptions? options = null) =>
        OpenCore(dataDirectory, network, drivechainParams, secp, options, reindex: false);

    /// <summary>
    /// Core's <c>-reindex</c>: throws away the chain state in <paramref name="dataDirectory"/> (block index, coins, undo
    /// and drivechain state: <c>chainstate.sqlite</c>) and rebuilds it by submitting every block of the
    /// <c>blocks/blk*.dat</c> files in file order (a block whose parent comes later waits for it), then returns the
    /// opened chain. Blocks keep their place in the files; rejected blocks stay known invalid.
    /// </summary>
    public static ChainManager Reindex(string dataDirectory, Network network, DrivechainParams drivechainParams, ISecp256k1 secp, ChainManagerOptions? options = null) =>
        OpenCore(dataDirectory, network, drivechainParams, secp, options, reindex: true);

    private static ChainManager OpenCore(string dataDirectory, Network network, DrivechainParams drivechainParams, ISecp256k1 secp,
        ChainManagerOptions? options, bool reindex)
    {
        Directory.CreateDirectory(dataDirectory);
        // One process per data directory, unless the caller (the node's host) already holds the lock.
        var lockFile = options?.DataDirectoryLockHeld == true ? null : DataDirectoryLock.Acquire(dataDirectory);
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(network.MessageStart.AsSpan());
        BlockFileStore? blockFiles = null;
        ChainDatabase? database = null;
        try
        {
            blockFiles = new BlockFileStore(Path.Combine(dataDirectory, "blocks"), magic, freeSpace: options?.FreeSpace);
            var databasePath = Path.Combine(dataDirectory, "chainstate.sqlite");
            if (reindex)
                foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(databasePath + suffix);
            database = ChainDatabase.Open(databasePath, SqlitePageCacheBytes(options?.DbCacheBytes ?? ChainManagerOptions.DefaultDbCacheMiB << 20));
            var chain = new ChainManager(network, drivechainParams, secp, options ?? new ChainManagerOptions(), database, blockFiles, lockFile);
            if (reindex) chain.RebuildFromBlockFiles();
            else chain.Load();
            return chain;
        }
        catch
        {
            database?.Dispose();
            blockFiles?.Dispose();
            lockFile?.Dispose();
            throw;
        }
    }

    /// <summary>The network.</summary>
    public Network Network => _network;

    /// <summary>The drivechain parameters in force.</summary>
    public DrivechainParams DrivechainParams { get; }

    /// <summary>The drivechain validator: the node's only one (mempool, dashboard and gRPC ask it too).</summary>
    public DrivechainValidator Validator => _pipeline.Drivechain;

    /// <summary>True when nothing is stored on disk.</summary>
    public bool IsInMemory => _store.IsInMemory;

    /// <summary>
    /// Takes the chain-state lock, the one every public member takes (Core's cs_main): hold it to make several calls see one
    /// tip, and while the mempool or the miner change with it. Re-entrant and synchronous: never hold it across an await.
    /// </summary>
    public Lock.Scope EnterLock() => _lock.EnterScope();

    /// <summary>Every change of the active chain, in order (see <see cref="SubscribeTipChanges"/>).</summary>
    public TipChangeStream TipChanges => _tipChanges;

    /// <summary>
    /// Subscribes to the tip-change stream and reads, atomically with it, the tip and drivechain state the subscription
    /// starts from: the first change it reads is the one after <paramref name="tip"/>.
    /// </summary>
    public TipChangeSubscription SubscribeTipChanges(string name, out BlockIndex tip, out DrivechainState state,
        int capacity = TipChangeStream.DefaultCapacity)
    {
        lock (_lock)
        {
            tip = _tree.Tip!;
            state = _state.Drivechain;
            return _tipChanges.Subscribe(name, capacity);
        }
    }

    /// <summary>The tip of the active chain.</summary>
    public BlockIndex Tip
    {
        get { lock (_lock) return _tree.Tip!; }
    }

    /// <summary>The height of the active chain's tip.</summary>
    public int Height
    {
        get { lock (_lock) return _tree.Active.Height; }
    }

    /// <summary>The drivechain state at the tip.</summary>
    public DrivechainState TipDrivechainState
    {
        get { lock (_lock) return _state.Drivechain; }
    }

    /// <summary>Time spent and work done so far (for progress logs and benchmarks).</summary>
    public ChainStatistics Statistics
    {
        get { lock (_lock) return _statistics; }
    }

    /// <summary>The unspent output at the tip, if any.</summary>
    public bool TryGetCoin(OutPoint outPoint, out Coin coin)
    {
        lock (_lock) return _state.Coins.TryGetCoin(outPoint, out coin);
    }

    /// <summary>The tree entry of a block, or null when unknown.</summary>
    public BlockIndex? GetBlockIndex(UInt256 hash)
    {
        lock (_lock) return _tree.Get(hash);
    }

    /// <summary>The block hash at a height of the active chain, or null above the tip.</summary>
    public UInt256? GetBlockHash(int height)
    {
        lock (_lock) return _tree.Active[height]?.Hash;
    }

    /// <summary>The entry at a height of the active chain, or null above the tip.</summary>
    public BlockIndex? GetActiveBlockIndex(int height)
    {
        lock (_lock) return _tree.Active[height];
    }

    /// <summary>True when the block is part of the active chain.</summary>
    public bool IsInActiveChain(UInt256 hash)
    {
        lock (_lock) return _tree.TryGet(hash, out var index) && _tree.Active.Contains(index);
    }

    /// <summary>The stored block, or null when unknown or not stored.</summary>
    public Block? GetBlock(UInt256 hash)
    {
        lock (_lock)
            return _tree.TryGet(hash, out var index) && index.HasData ? _store.ReadBlock(index) : null;
    }

    /// <summary>
    /// The coins a connected block spent, from its undo data (for the fees getblock reports); false when the block
    /// has no undo data (never connected, or the genesis block).
    /// </summary>
    public bool TryGetSpentCoins(UInt256 hash, out ImmutableArray<CoinEntry> spent)
    {
        lock (_lock) return _store.TryGetSpent(hash, out spent);
    }

    /// <summary>Median time past (BIP113) of the block at <paramref name="height"/> in the active chain.</summary>
    public uint GetMedianTimePast(int height)
    {
        lock (_lock) return (_tree.Active[height] ?? throw new ArgumentOutOfRangeException(nameof(height))).GetMedianTimePast();
    }

    /// <summary>Median time past of the tip.</summary>
    public uint GetMedianTimePast()
    {
        lock (_lock) return _tree.Tip!.GetMedianTimePast();
    }

    /// <summary>Number of blocks in the tree (all branches, including invalid ones).</summary>
    public int BlockIndexCount
    {
        get { lock (_lock) return _tree.Count; }
    }

    /// <summary>Writes everything to disk (no-op in memory mode) and closes the files.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            if (!_store.IsInMemory) FlushCore(clearCache: true);
            _store.Dispose();
        }
    }
}
