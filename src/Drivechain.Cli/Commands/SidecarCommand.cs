using System.CommandLine;
using System.Globalization;
using System.Net;
using Drivechain.Node.Hosting;
using Drivechain.Node.Sidecar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace Drivechain.Cli.Commands;

/// <summary>
/// <c>drivechain sidecar</c>: follows an unmodified Bitcoin Core over its JSON-RPC, validates every block's drivechain
/// rules, keeps the state (with undo, across reorgs and restarts) and has Core invalidate a block that breaks a rule.
/// Options use Core's names. Exit code 0 on Ctrl-C/SIGTERM, 1 on bad options or a fatal error.
/// </summary>
internal static class SidecarCommand
{
    public static Command Create()
    {
        var command = new Command("sidecar", "Validate the drivechain rules beside an unmodified Bitcoin Core (JSON-RPC), invalidating blocks that break them");
        var rpcConnect = new Option<string>("--rpcconnect") { Description = "Core's JSON-RPC host[:port] (default 127.0.0.1 and the chain's RPC port, 18443 on regtest)" };
        var cookie = new Option<string>("--rpccookiefile") { Description = "Core's cookie file (default ~/.bitcoin/<chain>/.cookie)" };
        var user = new Option<string>("--rpcuser") { Description = "Core's JSON-RPC user (with --rpcpassword, instead of the cookie)" };
        var password = new Option<string>("--rpcpassword") { Description = "Core's JSON-RPC password" };
        var dataDir = new Option<string>("--datadir") { Description = "Where the sidecar keeps its state (default ~/.drivechain/sidecar)" };
        var chainName = new Option<string>("--chain") { Description = "Chain: main, testnet4, signet or regtest" };
        var logLevel = new Option<string>("--loglevel") { Description = "Verbose, Debug, Information (default), Warning, Error" };
        var grpc = new Option<string>("--grpc") { Description = "Serve the sidechain gRPC API: ValidatorService, CryptoService (default 1)" };
        var grpcPort = new Option<string>("--grpcport") { Description = "Sidechain gRPC API port (default 50051, 0 = any free port)" };
        var grpcBind = new Option<string>("--grpcbind") { Description = "Sidechain gRPC API bind address (default 127.0.0.1; non-loopback needs --grpcallowexternal)" };
        var grpcAllowExternal = new Option<string>("--grpcallowexternal") { Description = "Allow a non-loopback --grpcbind (the API has no authentication; default 0)" };
        var flags = new (ChainKind Chain, Option<bool> Option)[]
        {
            (ChainKind.Regtest, new Option<bool>("--regtest") { Description = "Core runs the regression test chain" }),
            (ChainKind.Signet, new Option<bool>("--signet") { Description = "Core runs signet" }),
            (ChainKind.Testnet4, new Option<bool>("--testnet4") { Description = "Core runs testnet4" }),
            (ChainKind.Main, new Option<bool>("--mainnet") { Description = "Core runs the main chain (the default)" }),
        };
        foreach (var option in new[] { rpcConnect, cookie, user, password, dataDir, chainName, logLevel, grpc, grpcPort, grpcBind, grpcAllowExternal })
            command.Options.Add(option);
        foreach (var (_, option) in flags) command.Options.Add(option);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var chains = flags.Where(f => parse.GetValue(f.Option)).Select(f => f.Chain).ToList();
            if (parse.GetValue(chainName) is { } name)
            {
                if (!ChainDefaults.TryParse(name, out var named)) return Fail($"unknown chain '{name}'");
                chains.Add(named);
            }
            if (chains.Distinct().Count() > 1) return Fail("give one chain only");
            var chain = chains.Count == 0 ? ChainKind.Main : chains[0];

            if (!TryParseEndpoint(parse.GetValue(rpcConnect), ChainDefaults.RpcPort(chain), out var endpoint))
                return Fail($"invalid --rpcconnect '{parse.GetValue(rpcConnect)}' (host or host:port)");
            string credentials;
            var (rpcUser, rpcPassword, cookiePath) = (parse.GetValue(user), parse.GetValue(password), parse.GetValue(cookie));
            if (rpcUser is not null || rpcPassword is not null)
            {
                if (rpcUser is null || rpcPassword is null) return Fail("--rpcuser and --rpcpassword go together");
                if (cookiePath is not null) return Fail("give either --rpccookiefile or --rpcuser/--rpcpassword");
                credentials = $"{rpcUser}:{rpcPassword}";
            }
            else
            {
                cookiePath ??= Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".bitcoin",
                    ChainDefaults.DataSubdirectory(chain), ".cookie");
                try
                {
                    credentials = CoreRpcClient.ReadCookie(cookiePath);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    return Fail($"cannot read Core's cookie file {cookiePath}: {e.Message} (give --rpccookiefile or --rpcuser/--rpcpassword)");
                }
            }
            var root = parse.GetValue(dataDir) is { } given ? Path.GetFullPath(given) : Path.Combine(ChainDefaults.DefaultDataDirectory(), "sidecar");
            if (!TryParseFlag(parse.GetValue(grpc), true, out var grpcOn)) return Fail($"invalid --grpc '{parse.GetValue(grpc)}' (0 or 1)");
            if (!TryParseFlag(parse.GetValue(grpcAllowExternal), false, out var allowExternal))
                return Fail($"invalid --grpcallowexternal '{parse.GetValue(grpcAllowExternal)}' (0 or 1)");
            var port = 50051;
            if (parse.GetValue(grpcPort) is { } portText
                && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
                return Fail($"invalid --grpcport '{portText}' (0-65535, 0 = any free port)");
            var bind = parse.GetValue(grpcBind) ?? "127.0.0.1";
            if (!IPAddress.TryParse(bind, out var bindAddress)) return Fail($"invalid --grpcbind '{bind}' (an IP address)");
            if (!IPAddress.IsLoopback(bindAddress) && !allowExternal)
                return Fail($"--grpcbind {bind} is not loopback: add --grpcallowexternal=1 (the gRPC API has no authentication)");
            var options = new SidecarOptions(chain, endpoint, credentials, Path.Combine(root, ChainDefaults.DataSubdirectory(chain)))
            {
                Grpc = grpcOn, GrpcPort = port, GrpcBind = bind,
            };
            if (!Enum.TryParse<LogEventLevel>(parse.GetValue(logLevel) ?? "Information", ignoreCase: true, out var level))
                return Fail($"invalid --loglevel '{parse.GetValue(logLevel)}'");
            return await RunAsync(options, level, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(SidecarOptions options, LogEventLevel level, CancellationToken cancellationToken)
    {
        FilePermissions.RestrictToOwner();
        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            // The gRPC health check of the services the sidecar does not serve is unhealthy by design: not an error.
            .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Fatal)
            .WriteTo.Console(outputTemplate: "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ} [{Level:u3}] {Message:lj}{NewLine}{Exception}",
                formatProvider: CultureInfo.InvariantCulture)
            .CreateLogger();
        try
        {
            var builder = Host.CreateApplicationBuilder([]);
            builder.Logging.ClearProviders().AddSerilog(Log.Logger);
            builder.Services.AddSingleton(options);
            builder.Services.AddHostedService<SidecarService>();
            using var host = builder.Build();
            await host.RunAsync(cancellationToken);
            return Environment.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return Environment.ExitCode;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    /// <summary>host, host:port or [v6]:port → http://host:port/.</summary>
    internal static bool TryParseEndpoint(string? text, int defaultPort, out Uri endpoint)
    {
        endpoint = null!;
        text = string.IsNullOrWhiteSpace(text) ? "127.0.0.1" : text.Trim();
        if (!Uri.TryCreate($"http://{text}/", UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.UserInfo))
            return false;
        endpoint = new UriBuilder("http", uri.Host, uri.IsDefaultPort && !text.EndsWith(":80", StringComparison.Ordinal) ? defaultPort : uri.Port).Uri;
        return true;
    }

    /// <summary>Core's boolean option values: absent → <paramref name="absent"/>, "1"/"" → true, "0" → false.</summary>
    private static bool TryParseFlag(string? text, bool absent, out bool value)
    {
        value = text switch { null => absent, "" or "1" => true, "0" => false, _ => !absent };
        return text is null or "" or "0" or "1";
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"Error: {message}");
        return 1;
    }
}
