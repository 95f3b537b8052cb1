using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;
using Drivechain.Node.Chain.Tip;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mempool;
using Drivechain.Node.Mining;
using Drivechain.Wallet.Ledger;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Wallet;

/// <summary>
/// The node's wallets (Core's WalletContext): created and loaded at run time under <c>&lt;datadir&gt;/wallets/&lt;name&gt;/</c>,
/// all fed by one subscription to the tip-change stream (connects confirm, disconnects undo, a dropped subscription
/// resynchronises every wallet from the chain). Requests catch up with the stream first, so an answer always reflects
/// every block the chain has published (Core's BlockUntilSyncedToCurrentChain). Lock order: node lock, then this one.
/// </summary>
public sealed partial class WalletManager : BackgroundService
{
    private readonly IOptions<NodeOptions> options;
    private readonly NodeChain node;
    private readonly NodeMempool mempool;
    private readonly NodeReadiness readiness;
    private readonly TimeProvider clock;
    private readonly ILogger<WalletManager> log;

    public WalletManager(IOptions<NodeOptions> options, NodeChain node, NodeMempool mempool, MinerPolicy policy, NodeReadiness readiness,
        TimeProvider clock, ILogger<WalletManager> log)
    {
        this.options = options;
        this.node = node;
        this.mempool = mempool;
        this.readiness = readiness;
        this.clock = clock;
        this.log = log;
        Policy = policy;
    }

    /// <summary>False with <c>--disablewallet</c> (Core's -disablewallet): no wallet is ever loaded or created.</summary>
    public bool Enabled => !options.Value.DisableWallet;

    /// <summary>The miner policy withdrawal bundles are handed to.</summary>
    public MinerPolicy Policy { get; }

    private const string AutoloadFile = "autoload.txt";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, NodeWallet> _wallets = new(StringComparer.Ordinal);
    private TipChangeSubscription? _subscription;
    private BlockIndex? _tip;

    public NodeChain Node => node;
    public NodeMempool Mempool => mempool;
    public TimeProvider Clock => clock;

    /// <summary>The wallets directory of the chain (Core's -walletdir default).</summary>
    public string WalletsDirectory => Path.Combine(options.Value.ChainDataDirectory, "wallets");

    /// <summary>Names of the loaded wallets, in load order.</summary>
    public IReadOnlyList<string> Loaded
    {
        get { lock (_gate) return [.. _wallets.Keys]; }
    }

    /// <summary>
    /// Runs <paramref name="body"/> on the wallets under their lock, after catching up with the chain and (with
    /// <paramref name="withMempool"/>) picking up pool transactions that pay or spend them. Takes the chain lock first (re-entrant).
    /// </summary>
    public T Locked<T>(Func<T> body, bool withMempool = true)
    {
        using (node.EnterLock())
        lock (_gate)
        {
            CatchUp();
            try
            {
                if (withMempool) ScanMempool();
                return body();
            }
            finally
            {
                CommitAll();
            }
        }
    }

    /// <summary>Records the mempool's transactions relevant to a wallet as unconfirmed (Core's transactionAddedToMempool).</summary>
    private void ScanMempool()
    {
        if (_wallets.Count == 0 || mempool.Pool.Count == 0) return;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        foreach (var entry in mempool.Pool.Entries)
            foreach (var wallet in _wallets.Values)
                wallet.Ledger.AddUnconfirmed(entry.Transaction, now);
    }

    /// <summary>The wallet a request addresses: the named one (from <c>/wallet/&lt;name&gt;</c>), else the only loaded one.</summary>
    public NodeWallet Resolve(string? name)
    {
        lock (_gate)
        {
            if (name is not null)
                return _wallets.TryGetValue(name, out var named) ? named
                    : throw new WalletException(WalletErrorCode.NotFound, "Requested wallet does not exist or is not loaded");
            return _wallets.Count switch
            {
                1 => _wallets.Values.First(),
                0 => throw new WalletException(WalletErrorCode.NotFound,
                    "No wallet is loaded. Load a wallet using loadwallet or create a new one with createwallet. (Note: A default wallet is no longer automatically created)"),
                _ => throw new WalletException(WalletErrorCode.NotSpecified,
                    "Wallet file not specified (must request wallet RPC through /wallet/<filename> uri-path)."),
            };
        }
    }

    /// <summary>createwallet: a new wallet directory, loaded at once.</summary>
    public NodeWallet Create(string name, string passphrase, string? mnemonic, bool? loadOnStartup)
    {
        RequireEnabled();
        lock (_gate)
        {
            var directory = DirectoryOf(name);
            if (_wallets.ContainsKey(name) || NodeWallet.Exists(directory))
                throw new WalletException(WalletErrorCode.AlreadyExists, $"Wallet file verification failed. Failed to create database path '{directory}'. Database already exists.");
            CatchUp();
            // A fresh seed has no history: scanning starts at the tip. Imported words may have any: from genesis.
            var birth = mnemonic is null ? Math.Max(0, _tip?.Height ?? 0) : 0;
            NodeWallet wallet;
            try
            {
                wallet = NodeWallet.Create(name, directory, WalletNetworks.ToNBitcoin(node.Network), mnemonic, passphrase, birth, clock);
            }
            catch (ArgumentException e)
            {
                throw new WalletException(WalletErrorCode.WalletError, e.Message);
            }
            Attach(wallet, loadOnStartup);
            return wallet;
        }
    }

    /// <summary>loadwallet.</summary>
    public NodeWallet Load(string name, bool? loadOnStartup)
    {
        RequireEnabled();
        lock (_gate)
        {
            if (_wallets.ContainsKey(name))
                throw new WalletException(WalletErrorCode.AlreadyLoaded, $"Wallet \"{name}\" is already loaded.");
            var directory = DirectoryOf(name);
            if (!NodeWallet.Exists(directory))
                throw new WalletException(WalletErrorCode.NotFound, $"Wallet file verification failed. Failed to load database path '{directory}'. Path does not exist.");
            CatchUp();
            var wallet = NodeWallet.Load(name, directory, WalletNetworks.ToNBitcoin(node.Network), clock);
            Attach(wallet, loadOnStartup);
            return wallet;
        }
    }

    /// <summary>unloadwallet.</summary>
    public void Unload(string name, bool? loadOnStartup)
    {
        lock (_gate)
        {
            if (!_wallets.Remove(name, out var wallet)) throw new WalletException(WalletErrorCode.NotFound, "Requested wallet does not exist or is not loaded");
            wallet.Dispose();
            if (loadOnStartup is { } autoload) SetAutoload(name, autoload);
            LogUnloaded(log, name);
        }
    }

    /// <summary>True when the node's mempool holds <paramref name="txid"/> (callers hold the node lock).</summary>
    public bool InMempool(UInt256 txid) => mempool.Pool.Contains(txid);

    /// <summary>
    /// Syncs a created or loaded wallet from its stored best block (a rescan only from there, or from the fork point when
    /// the chain reorganised below it), resubmits its unconfirmed transactions and starts feeding it from the stream.
    /// </summary>
    private void Attach(NodeWallet wallet, bool? loadOnStartup)
    {
        if (wallet.DroppedRecords > 0) LogDroppedRecords(log, wallet.Name, wallet.DroppedRecords);
        var from = SyncFrom(wallet, _tip);
        var resubmitted = Resubmit(wallet);
        wallet.Commit();
        _wallets[wallet.Name] = wallet;
        if (loadOnStartup is { } autoload) SetAutoload(wallet.Name, autoload);
        LogLoaded(log, wallet.Name, wallet.Ledger.TransactionCount, from, wallet.Ledger.TipHeight, resubmitted);
    }

    private void RequireEnabled()
    {
        if (!Enabled) throw new WalletException(WalletErrorCode.WalletError, "The wallet is disabled (-disablewallet): restart the node without it to use a wallet");
    }

    private string DirectoryOf(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name is "." or ".."
            || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new WalletException(WalletErrorCode.WalletError, $"Invalid wallet name '{name}'");
        return name.Length == 0 ? WalletsDirectory : Path.Combine(WalletsDirectory, name);
    }

    private void SetAutoload(string name, bool on)
    {
        Directory.CreateDirectory(WalletsDirectory);
        var path = Path.Combine(WalletsDirectory, AutoloadFile);
        var names = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
        names.Remove(name);
        if (on) names.Add(name);
        File.WriteAllLines(path, names);
    }
}
