using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Hosting;

/// <summary>The start-up checks of <see cref="NodeOptions"/>; each failure is one sentence an operator can act on.</summary>
public static class NodeOptionsValidation
{
    public static OptionsBuilder<NodeOptions> AddNodeOptionsValidation(this OptionsBuilder<NodeOptions> builder) =>
        builder
            .Validate(o => o.TryResolveChain(out _, out _),
                "invalid chain selection: give at most one of --regtest, --signet, --testnet4, --mainnet, and chain= must be main, testnet4, signet or regtest")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDir), "datadir must not be empty")
            .Validate(o => o.GrpcPort is null or (>= 0 and <= 65535), "grpcport must be between 1 and 65535 (0 picks a free port)")
            .Validate(o => IPAddress.TryParse(o.GrpcBind, out var a) && (IPAddress.IsLoopback(a) || o.GrpcAllowExternal),
                "grpcbind must be an IP address, and a non-loopback one needs -grpcallowexternal (the gRPC API has no authentication)")
            .Validate(o => o.GrpcEventBuffer >= 1, "grpceventbuffer must be at least 1")
            .Validate(o => o.FallbackFee is null or (>= 0 and <= 1), "fallbackfee must be between 0 and 1 BTC/kvB")
            .Validate(o => o.RpcPort is null || o.RpcPort is >= 0 and <= 65535, "rpcport must be between 1 and 65535 (0 picks a free port)")
            .Validate(o => RpcAccess.TryCreate(o.RpcBind, o.RpcAllowIp, out _, out _),
                "rpcbind must be an IP address or a host name that resolves (e.g. 127.0.0.1, localhost), and each rpcallowip an address or subnet (e.g. 192.168.1.0/24)")
            .Validate(o => string.IsNullOrEmpty(o.RpcPassword) || !string.IsNullOrEmpty(o.RpcUser),
                "rpcpassword is set but rpcuser is not: set both, or neither to use the cookie file")
            .Validate(o => string.IsNullOrEmpty(o.RpcUser) || !string.IsNullOrEmpty(o.RpcPassword),
                "rpcuser is set but rpcpassword is not: set both, or neither to use the cookie file")
            .Validate(o => string.IsNullOrEmpty(o.RpcUser) || !o.RpcUser.Contains(':'), "rpcuser must not contain ':'")
            .Validate(o => o.LoadBlock.All(File.Exists),
                "a -loadblock file does not exist (give the path of a blk*.dat file)")
            .Validate(o => o.Port is null || o.Port is >= 0 and <= 65535, "port must be between 1 and 65535 (0 picks a free port)")
            .Validate(o => o.Bind.All(b => P2P.PeerEndpoints.TryParseBind(b, 0, out _)),
                "each bind must be an IP address, optionally with a port (e.g. 127.0.0.1, 127.0.0.1:18444, [::1]:18444)")
            .Validate(o => o.Connect.All(c => P2P.PeerEndpoints.TrySplit(c, 1, out _, out _)),
                "each connect must be host or host:port (e.g. 127.0.0.1:18444, [::1]:18444, localhost)")
            .Validate(o => o.AddNode.All(c => P2P.PeerEndpoints.TrySplit(c, 1, out _, out _)),
                "each addnode must be host or host:port (e.g. 127.0.0.1:18444, [::1]:18444, localhost)")
            .Validate(o => P2P.Sync.MinimumChainWorkOption.IsValid(o.MinimumChainWork),
                "minimumchainwork must be a hex number of at most 64 digits (e.g. 0x100 or 00000000000000000000000000000000000000000000000000000000000fffff)")
            .Validate(o => o.Whitelist.All(w => P2P.NetWhitelist.TryParse(w, bind: false, out _) is not null),
                "each whitelist must be [permissions@]address or subnet (e.g. 127.0.0.1, noban,addr@10.0.0.0/8); permissions: bloomfilter, noban, forcerelay, relay, mempool, download, addr, in, out, all")
            .Validate(o => o.WhiteBind.All(w => P2P.NetWhitelist.TryParse(w, bind: true, out _) is not null),
                "each whitebind must be [permissions@]address:port (e.g. noban@127.0.0.1:18445)")
            .Validate(o => o.MaxConnections >= 0 && o.PeerTimeout >= 1, "maxconnections must be at least 0 and peertimeout at least 1")
            .Validate(o => o.DashboardPort is null || o.DashboardPort is >= 0 and <= 65535, "dashboardport must be between 1 and 65535 (0 picks a free port)")
            .Validate(o => IPAddress.TryParse(o.DashboardBind, out var a) && IPAddress.IsLoopback(a),
                "dashboardbind must be a loopback address (127.0.0.1 or ::1): the dashboard has no authentication")
            .Validate(o => o.RpcThreads >= 1 && o.RpcWorkQueue >= 1 && o.RpcServerTimeout >= 1,
                "rpcthreads, rpcworkqueue and rpcservertimeout must be at least 1")
            .Validate(o => IsLogLevel(o.LogLevel), "loglevel must be one of Verbose, Debug, Information, Warning, Error, Fatal")
            .ValidateOnStart();

    internal static bool IsLogLevel(string value) =>
        value is not null && Enum.TryParse<Serilog.Events.LogEventLevel>(value, ignoreCase: true, out _);
}
