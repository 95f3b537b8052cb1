using System.Net;

namespace Drivechain.Node.Hosting;

/// <summary>
/// The node's settings under Bitcoin Core's names. They come, lowest priority first, from
/// <c>&lt;datadir&gt;/drivechain.conf</c>, <c>DRIVECHAIN_*</c> environment variables and the command line
/// (see <see cref="NodeConfiguration"/>), and are checked by <see cref="NodeOptionsValidation"/> at start.
/// </summary>
public sealed class NodeOptions
{
    /// <summary>Root data directory (Core's <c>-datadir</c>); chain data lives in a sub-directory per test chain.</summary>
    public string DataDir { get; set; } = ChainDefaults.DefaultDataDirectory();

    /// <summary>Core's <c>-chain=</c> (main, testnet4, signet, regtest).</summary>
    public string? Chain { get; set; }

    public bool Regtest { get; set; }
    public bool Signet { get; set; }
    public bool Testnet4 { get; set; }
    public bool Mainnet { get; set; }

    /// <summary>JSON-RPC port; defaults per chain (18443 regtest, 38332 signet, 48332 testnet4, 8332 main). 0 = any free port.</summary>
    public int? RpcPort { get; set; }

    /// <summary>Address the JSON-RPC server binds to (Core's default: loopback only).</summary>
    public string RpcBind { get; set; } = "127.0.0.1";

    /// <summary>Sidechain gRPC API port (docs/sidechain-api.md; default 50051, 0 = any free port).</summary>
    public int? GrpcPort { get; set; }

    /// <summary>The gRPC port: <see cref="GrpcPort"/>, else 50051 (the enforcer's default); with <c>rpcport=0</c> (tests) any free port.</summary>
    public int EffectiveGrpcPort => GrpcPort ?? (EffectiveRpcPort == 0 ? 0 : 50051);

    /// <summary>Address the sidechain gRPC API binds to (loopback unless <see cref="GrpcAllowExternal"/>).</summary>
    public string GrpcBind { get; set; } = "127.0.0.1";

    /// <summary>Explicit opt-in to bind the gRPC API to a non-loopback address (it has no authentication).</summary>
    public bool GrpcAllowExternal { get; set; }

    /// <summary>
    /// Core's <c>-disablewallet</c>: no wallet is loaded, the wallet RPCs are not registered (-32601 Method not found) and
    /// the gRPC WalletService is not served (health NOT_FOUND). docs/wallet.md.
    /// </summary>
    public bool DisableWallet { get; set; }

    /// <summary>Whether the sidechain gRPC API is served at all (<c>-grpc=0</c> turns it off).</summary>
    public bool Grpc { get; set; } = true;

    /// <summary>
    /// Tip changes a gRPC <c>SubscribeEvents</c> stream may have waiting unread before it is dropped (a slow subscriber
    /// never stalls the node; default 1000).
    /// </summary>
    public int GrpcEventBuffer { get; set; } = 1000;

    /// <summary>
    /// Core's <c>-fallbackfee</c> (BTC/kvB): the wallet's fee rate when the fee estimator has no answer; 0 disables it (the
    /// wallet then refuses to guess). Default 0, and 0.0002 on regtest.
    /// </summary>
    public decimal? FallbackFee { get; set; }

    /// <summary>Core's <c>-rpcthreads</c>: RPC calls executed at once (default 16).</summary>
    public int RpcThreads { get; set; } = 16;

    /// <summary>Core's <c>-rpcworkqueue</c>: calls that may wait for a thread before the server answers 503 (default 64).</summary>
    public int RpcWorkQueue { get; set; } = 64;

    /// <summary>Core's <c>-rpcservertimeout</c>: seconds an idle or slow HTTP connection is kept (default 30).</summary>
    public int RpcServerTimeout { get; set; } = 30;

    /// <summary>Core's <c>-rpcallowip</c> (repeatable): non-loopback clients allowed to use RPC (address or subnet).</summary>
    public List<string> RpcAllowIp { get; set; } = [];

    public string? RpcUser { get; set; }
    public string? RpcPassword { get; set; }

    /// <summary>Cookie file path, relative to the chain data directory unless absolute (default <c>.cookie</c>).</summary>
    public string RpcCookieFile { get; set; } = ".cookie";

    /// <summary>Miner policy: ACK every pending sidechain proposal and upvote the leading bundle (enforcer default: on).</summary>
    public bool AckAllProposals { get; set; } = true;

    /// <summary>Core's <c>-reindex</c>: rebuild the chain state from the stored block files at start-up.</summary>
    public bool Reindex { get; set; }

    /// <summary>
    /// Core's <c>-loadblock</c> (repeatable): external block files (Core's <c>blk*.dat</c> layout, unobfuscated) whose
    /// blocks are imported at start-up, after the chain has loaded.
    /// </summary>
    public List<string> LoadBlock { get; set; } = [];

    /// <summary>
    /// Core's <c>-dbcache</c> in MiB (default 450, at least 4 as in Core): the memory the coins cache and the undo data
    /// waiting for the next flush may take before they are written in one batch (docs/performance.md).
    /// </summary>
    public int DbCache { get; set; } = (int)Drivechain.Node.Chain.ChainManagerOptions.DefaultDbCacheMiB;

    /// <summary><see cref="DbCache"/> in bytes, raised to Core's least 4 MiB.</summary>
    public long DbCacheBytes => Math.Max(DbCache, Drivechain.Node.Chain.ChainManagerOptions.MinDbCacheMiB) << 20;

    /// <summary>Core's <c>-stopafterblockimport</c>: stop once the <see cref="LoadBlock"/> import is done (benchmarks).</summary>
    public bool StopAfterBlockImport { get; set; }

    /// <summary>Core's <c>-stopatheight</c>: stop once the active chain reaches this height (0 = never; benchmarks of sync).</summary>
    public int StopAtHeight { get; set; }

    /// <summary>Core's <c>-port</c>: the P2P listening port (default 18444 regtest, 38333 signet, 48333 testnet4, 8333 main).</summary>
    public int? Port { get; set; }

    /// <summary>Core's <c>-listen</c>: accept inbound P2P connections (default on, off when <see cref="Connect"/> is given, as in Core).</summary>
    public bool? Listen { get; set; }

    /// <summary>Core's <c>-bind</c> (repeatable): P2P listening addresses, <c>addr</c> or <c>addr:port</c> (default all interfaces).</summary>
    public List<string> Bind { get; set; } = [];

    /// <summary>Core's <c>-connect</c> (repeatable): connect only to these peers (<c>host[:port]</c>), reconnecting when they drop.</summary>
    public List<string> Connect { get; set; } = [];

    /// <summary>Core's <c>-addnode</c> (repeatable): peers to keep connected besides any others (<c>host[:port]</c>).</summary>
    public List<string> AddNode { get; set; } = [];

    /// <summary>Core's <c>-maxconnections</c>: automatic connections at most (inbound slots = this − 11 outbound slots; default 125).</summary>
    public int MaxConnections { get; set; } = 125;

    /// <summary>Core's <c>-peertimeout</c>: seconds a new peer has to send and receive a first message (default 60).</summary>
    public int PeerTimeout { get; set; } = 60;

    /// <summary>
    /// Core's <c>-minimumchainwork</c> (hex): no block is downloaded from a peer whose headers chain has less work, and
    /// headers of such a chain are not stored (default: Core's per-network value, 0 on regtest).
    /// </summary>
    public string? MinimumChainWork { get; set; }

    /// <summary>Core's <c>-dnsseed</c>: ask the chain's DNS seeds for addresses when the address manager is empty (default on; never with -connect).</summary>
    public bool DnsSeed { get; set; } = true;

    /// <summary>Core's <c>-fixedseeds</c>: fall back to the compiled-in seed addresses when the address manager is still empty (default on).</summary>
    public bool FixedSeeds { get; set; } = true;

    /// <summary>Hidden test option: the mean seconds between feeler connections (0 = Core's FEELER_INTERVAL, 2 minutes).</summary>
    public int FeelerInterval { get; set; }

    /// <summary>Core's <c>-whitelist</c> (repeatable): <c>[permissions@]address-or-subnet</c>; inbound peers from there get the permissions (default noban, relay, mempool).</summary>
    public List<string> Whitelist { get; set; } = [];

    /// <summary>Core's <c>-whitebind</c> (repeatable): <c>[permissions@]addr:port</c>, a listening address whose inbound peers get the permissions.</summary>
    public List<string> WhiteBind { get; set; } = [];

    /// <summary>Core's <c>-v2transport</c>: BIP324 encrypted transport, tried first on outbound and accepted inbound (default on).</summary>
    public bool V2Transport { get; set; } = true;

    /// <summary>Serve the read-only web dashboard (docs/dashboard.md). Default: on for regtest and signet, off otherwise.</summary>
    public bool? Dashboard { get; set; }

    /// <summary>Dashboard port; default <see cref="ChainDefaults.DashboardPortOffset"/> above the RPC port (19443 on regtest). 0 = any free port.</summary>
    public int? DashboardPort { get; set; }

    /// <summary>Address the dashboard binds to; it has no authentication, so only loopback addresses are accepted.</summary>
    public string DashboardBind { get; set; } = "127.0.0.1";

    /// <summary>Minimum log level for the console and the debug log (Serilog level names).</summary>
    public string LogLevel { get; set; } = "Information";

    /// <summary>The chain selected by the flags or <c>chain=</c>; regtest... or main when nothing is given.</summary>
    public bool TryResolveChain(out ChainKind chain, out string? error)
    {
        var selected = new List<ChainKind>();
        if (Mainnet) selected.Add(ChainKind.Main);
        if (Testnet4) selected.Add(ChainKind.Testnet4);
        if (Signet) selected.Add(ChainKind.Signet);
        if (Regtest) selected.Add(ChainKind.Regtest);
        if (!string.IsNullOrWhiteSpace(Chain))
        {
            if (!ChainDefaults.TryParse(Chain, out var named))
            {
                chain = default;
                error = $"unknown chain '{Chain}' (use main, testnet4, signet or regtest)";
                return false;
            }
            if (!selected.Contains(named)) selected.Add(named);
        }
        if (selected.Count > 1)
        {
            chain = default;
            error = "invalid combination of --regtest, --signet, --testnet4, --mainnet and chain=: choose one chain";
            return false;
        }
        chain = selected.Count == 1 ? selected[0] : ChainKind.Main;
        error = null;
        return true;
    }

    /// <summary>The selected chain; throws when the flags conflict (validated at start).</summary>
    public ChainKind ResolveChain() =>
        TryResolveChain(out var chain, out var error) ? chain : throw new InvalidOperationException(error);

    /// <summary>The chain's data directory: <c>&lt;datadir&gt;</c> for main, <c>&lt;datadir&gt;/regtest</c> etc.</summary>
    public string ChainDataDirectory
    {
        get
        {
            var sub = ChainDefaults.DataSubdirectory(ResolveChain());
            var root = Path.GetFullPath(ExpandHome(DataDir));
            return sub.Length == 0 ? root : Path.Combine(root, sub);
        }
    }

    /// <summary>The P2P port: <see cref="Port"/>, else the chain's default.</summary>
    public int EffectiveP2pPort => Port ?? ChainDefaults.P2pPort(ResolveChain());

    /// <summary>Whether inbound P2P connections are accepted: <see cref="Listen"/>, else on unless <see cref="Connect"/> is given.</summary>
    public bool EffectiveListen => Listen ?? Connect.Count == 0;

    public int EffectiveRpcPort => RpcPort ?? ChainDefaults.RpcPort(ResolveChain());

    /// <summary>Whether the dashboard runs: <see cref="Dashboard"/> when given, else on for regtest and signet only.</summary>
    public bool DashboardEnabled => Dashboard ?? ResolveChain() is ChainKind.Regtest or ChainKind.Signet;

    /// <summary>The dashboard port: <see cref="DashboardPort"/>, else the RPC port plus the offset (0 when the RPC port is 0).</summary>
    public int EffectiveDashboardPort => DashboardPort ?? (EffectiveRpcPort == 0 ? 0 : EffectiveRpcPort + ChainDefaults.DashboardPortOffset);

    public IPAddress DashboardBindAddress() => IPAddress.Parse(DashboardBind);

    public string CookieFilePath =>
        Path.IsPathRooted(RpcCookieFile) ? RpcCookieFile : Path.Combine(ChainDataDirectory, RpcCookieFile);

    /// <summary>Cookie authentication is used, as in Core, when no <c>rpcpassword</c> is configured.</summary>
    public bool UsesCookie => string.IsNullOrEmpty(RpcPassword);

    /// <summary>The RPC bind address and client filter (see <see cref="Hosting.RpcAccess"/>; a method, so configuration binding leaves it alone); throws when invalid (validated at start).</summary>
    public RpcAccess RpcAccess() =>
        Hosting.RpcAccess.TryCreate(RpcBind, RpcAllowIp, out var access, out var error) ? access! : throw new InvalidOperationException(error);

    internal static string ExpandHome(string path) =>
        path.StartsWith('~')
            ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..]
            : path;
}
