using System.CommandLine;
using Drivechain.Node.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Extensions.Logging;

namespace Drivechain.Cli.Commands;

/// <summary>
/// <c>drivechain node</c>: runs the node (generic host, Serilog console + rolling file, JSON-RPC on loopback).
/// Options use Bitcoin Core's names; anything not given comes from DRIVECHAIN_* variables or drivechain.conf.
/// Exit code 0 on a clean stop, 1 on invalid settings or a fatal error.
/// </summary>
internal static class NodeCommand
{
    public static Command Create()
    {
        var command = new Command("node", "Run a Drivechain node (JSON-RPC server, mempool, miner)");
        var valueOptions = new (string Key, Option<string> Option)[]
        {
            ("datadir", new Option<string>("--datadir") { Description = "Data directory (default ~/.drivechain; test chains use a sub-directory)" }),
            ("conf", new Option<string>("--conf") { Description = "Configuration file (default <datadir>/drivechain.conf)" }),
            ("chain", new Option<string>("--chain") { Description = "Chain: main, testnet4, signet or regtest" }),
            ("rpcport", new Option<string>("--rpcport") { Description = "JSON-RPC port (default 18443 regtest, 38332 signet, 48332 testnet4, 8332 main)" }),
            ("rpcbind", new Option<string>("--rpcbind") { Description = "JSON-RPC bind address (default 127.0.0.1)" }),
            ("rpcthreads", new Option<string>("--rpcthreads") { Description = "RPC calls served at once (default 16)" }),
            ("rpcworkqueue", new Option<string>("--rpcworkqueue") { Description = "RPC calls that may wait for a thread before 503 (default 64)" }),
            ("rpcservertimeout", new Option<string>("--rpcservertimeout") { Description = "Seconds an idle HTTP connection is kept (default 30)" }),
            ("rpcuser", new Option<string>("--rpcuser") { Description = "JSON-RPC user (with --rpcpassword; default: cookie authentication)" }),
            ("rpcpassword", new Option<string>("--rpcpassword") { Description = "JSON-RPC password" }),
            ("rpccookiefile", new Option<string>("--rpccookiefile") { Description = "Cookie file (default <chain datadir>/.cookie)" }),
            ("ackallproposals", new Option<string>("--ackallproposals") { Description = "Miner ACKs every sidechain proposal and upvotes bundles (default 1)" }),
            ("dashboard", new Option<string>("--dashboard") { Description = "Serve the read-only web dashboard (default 1 on regtest and signet, 0 otherwise)" }),
            ("dashboardport", new Option<string>("--dashboardport") { Description = "Dashboard port (default RPC port + 1000: 19443 regtest, 39332 signet)" }),
            ("dashboardbind", new Option<string>("--dashboardbind") { Description = "Dashboard bind address, loopback only (default 127.0.0.1)" }),
            ("grpc", new Option<string>("--grpc") { Description = "Serve the sidechain gRPC API (default 1; docs/sidechain-api.md)" }),
            ("grpcport", new Option<string>("--grpcport") { Description = "Sidechain gRPC API port (default 50051, 0 = any free port)" }),
            ("grpcbind", new Option<string>("--grpcbind") { Description = "Sidechain gRPC API bind address (default 127.0.0.1; non-loopback needs --grpcallowexternal)" }),
            ("grpcallowexternal", new Option<string>("--grpcallowexternal") { Description = "Allow a non-loopback --grpcbind (the API has no authentication; default 0)" }),
            ("stopatheight", new Option<string>("--stopatheight") { Description = "Stop once the active chain reaches this height (default 0: never)" }),
            ("dbcache", new Option<string>("--dbcache") { Description = "Coins cache and pending undo data in MiB before a batched flush (default 450, at least 4)" }),
            ("port", new Option<string>("--port") { Description = "P2P port (default 18444 regtest, 38333 signet, 48333 testnet4, 8333 main)" }),
            ("listen", new Option<string>("--listen") { Description = "Accept inbound P2P connections (default 1; 0 when --connect is given)" }),
            ("maxconnections", new Option<string>("--maxconnections") { Description = "Maximum automatic P2P connections (default 125; inbound slots are this minus 11)" }),
            ("peertimeout", new Option<string>("--peertimeout") { Description = "Seconds a new peer has to exchange a first message before it is dropped (default 60)" }),
            ("minimumchainwork", new Option<string>("--minimumchainwork") { Description = "Minimum work (hex) a peer's headers chain needs before its headers are stored and blocks downloaded (default: Core's per network, 0 regtest)" }),
            ("dnsseed", new Option<string>("--dnsseed") { Description = "Ask DNS seeds for peer addresses when none are known (default 1; not with --connect)" }),
            ("fixedseeds", new Option<string>("--fixedseeds") { Description = "Use the built-in seed addresses when DNS seeds give none (default 1)" }),
            ("feelerinterval", new Option<string>("--feelerinterval") { Description = "Test only: mean seconds between feeler connections (default 120)", Hidden = true }),
            ("v2transport", new Option<string>("--v2transport") { Description = "BIP324 v2 encrypted P2P transport, with v1 fallback (default 1)" }),
            ("fallbackfee", new Option<string>("--fallbackfee") { Description = "Wallet fee rate (BTC/kvB) when fee estimation has no answer; 0 = refuse (default 0, 0.0002 on regtest)" }),
            ("loglevel", new Option<string>("--loglevel") { Description = "Verbose, Debug, Information (default), Warning, Error" }),
        };
        var flagOptions = new (string Key, Option<bool> Option)[]
        {
            ("regtest", new Option<bool>("--regtest") { Description = "Use the regression test chain" }),
            ("signet", new Option<bool>("--signet") { Description = "Use the signet chain" }),
            ("testnet4", new Option<bool>("--testnet4") { Description = "Use the testnet4 chain" }),
            ("mainnet", new Option<bool>("--mainnet") { Description = "Use the main chain (the default)" }),
            ("reindex", new Option<bool>("--reindex") { Description = "Rebuild the chain state (block index, UTXO set, drivechain state) from the stored block files" }),
            ("stopafterblockimport", new Option<bool>("--stopafterblockimport") { Description = "Stop once the --loadblock import is done" }),
            ("disablewallet", new Option<bool>("--disablewallet") { Description = "Do not load the wallet: no wallet RPCs, no gRPC WalletService" }),
        };
        var loadBlock = new Option<string[]>("--loadblock")
        {
            Description = "Import blocks from a Bitcoin Core blk*.dat file at start-up (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        command.Options.Add(loadBlock);
        var rpcAllowIp = new Option<string[]>("--rpcallowip")
        {
            Description = "Allow JSON-RPC from this address or subnet (repeatable; loopback is always allowed)",
            AllowMultipleArgumentsPerToken = false,
        };
        command.Options.Add(rpcAllowIp);
        var bind = new Option<string[]>("--bind")
        {
            Description = "Listen for P2P connections on this address, addr or addr:port (repeatable; default all interfaces)",
            AllowMultipleArgumentsPerToken = false,
        };
        command.Options.Add(bind);
        var connect = new Option<string[]>("--connect")
        {
            Description = "Connect only to this peer, host or host:port (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        command.Options.Add(connect);
        var addNode = new Option<string[]>("--addnode")
        {
            Description = "Add a peer to connect to and keep connected, host or host:port (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        command.Options.Add(addNode);
        var whitelist = new Option<string[]>("--whitelist")
        {
            Description = "Give inbound peers from this address or subnet permissions, [perms@]addr (repeatable; default noban,relay,mempool)",
            AllowMultipleArgumentsPerToken = false,
        };
        command.Options.Add(whitelist);
        var whiteBind = new Option<string[]>("--whitebind")
        {
            Description = "Listen on addr:port and give its inbound peers permissions, [perms@]addr:port (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        command.Options.Add(whiteBind);
        foreach (var (_, option) in valueOptions) command.Options.Add(option);
        foreach (var (_, option) in flagOptions) command.Options.Add(option);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, option) in valueOptions)
                if (parseResult.GetResult(option) is { Implicit: false }) settings[key] = parseResult.GetValue(option);
            foreach (var (key, option) in flagOptions)
                if (parseResult.GetResult(option) is { Implicit: false }) settings[key] = parseResult.GetValue(option) ? "true" : "false";
            var files = parseResult.GetValue(loadBlock) ?? [];
            for (int i = 0; i < files.Length; i++) settings[$"loadblock:{i}"] = Path.GetFullPath(files[i]);
            var allowed = parseResult.GetValue(rpcAllowIp) ?? [];
            for (int i = 0; i < allowed.Length; i++) settings[$"rpcallowip:{i}"] = allowed[i];
            var binds = parseResult.GetValue(bind) ?? [];
            for (int i = 0; i < binds.Length; i++) settings[$"bind:{i}"] = binds[i];
            var peers = parseResult.GetValue(connect) ?? [];
            for (int i = 0; i < peers.Length; i++) settings[$"connect:{i}"] = peers[i];
            var added = parseResult.GetValue(addNode) ?? [];
            for (int i = 0; i < added.Length; i++) settings[$"addnode:{i}"] = added[i];
            var white = parseResult.GetValue(whitelist) ?? [];
            for (int i = 0; i < white.Length; i++) settings[$"whitelist:{i}"] = white[i];
            var whiteBinds = parseResult.GetValue(whiteBind) ?? [];
            for (int i = 0; i < whiteBinds.Length; i++) settings[$"whitebind:{i}"] = whiteBinds[i];
            return await RunAsync(settings, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        FilePermissions.RestrictToOwner();
        IConfigurationRoot configuration;
        try
        {
            configuration = NodeConfiguration.Build(settings);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"Error: {e.Message}");
            return 1;
        }

        var early = new NodeOptions();
        try
        {
            configuration.Bind(early);
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"Error: invalid setting: {e.Message}");
            return 1;
        }

        Log.Logger = NodeLogging.CreateLogger(early);
        try
        {
            using var provider = new SerilogLoggerProvider(Log.Logger);
            var builder = NodeHost.CreateBuilder(configuration, provider);
            using var host = builder.Build();
            await host.RunAsync(cancellationToken);
            return Environment.ExitCode;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"Error: invalid settings: {string.Join("; ", e.Failures)}");
            return 1;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"Error: invalid setting: {e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            // Typically the RPC port is taken or the data directory is not writable.
            await Console.Error.WriteLineAsync($"Error: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C/SIGTERM, or a fatal start-up error that stopped the host while it was starting (already logged,
            // exit code already set by the failing service).
            return Environment.ExitCode;
        }
        catch (Exception e)
        {
            Log.Fatal(e, "Node terminated unexpectedly");
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
