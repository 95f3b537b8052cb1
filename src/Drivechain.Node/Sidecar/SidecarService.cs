using System.Net;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Consensus;
using Drivechain.Node.Grpc;
using Drivechain.Node.Hosting;
using Drivechain.Node.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Sidecar;

/// <summary>
/// <c>drivechain sidecar</c>'s one loop: locks the data directory, waits for Core, checks its chain, starts the
/// <see cref="SidecarFollower"/>, serves the sidechain gRPC API from it (ValidatorService and CryptoService over a
/// <see cref="SidecarChainView"/>), then runs the follower. An unreachable or warming-up Core is retried every second;
/// anything else is fatal (logged, exit code 1, host stopped).
/// </summary>
public sealed partial class SidecarService(SidecarOptions options, ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    private readonly ILogger _log = loggers.CreateLogger<SidecarService>();

    /// <summary>The follower once started (tests, a future gRPC service).</summary>
    public SidecarFollower? Follower { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var directoryLock = DataDirectoryLock.Acquire(options.DataDirectory);
            using var store = SidecarStore.Open(options.DatabasePath);
            using var core = new CoreRpcClient(options.RpcEndpoint, options.Credentials);
            var expected = ChainDefaults.Name(options.Chain);
            var chain = await RetryAsync(() => core.GetChainNameAsync(stoppingToken), stoppingToken);
            if (chain != expected)
                throw new InvalidOperationException($"Bitcoin Core at {options.RpcEndpoint} is on chain '{chain}', not '{expected}'");
            var validator = new DrivechainValidator(DrivechainParams.ForNetwork(expected));
            var follower = new SidecarFollower(core, store, validator, loggers.CreateLogger<SidecarFollower>());
            await RetryAsync(async () => { await follower.StartAsync(stoppingToken); return 0; }, stoppingToken);
            Follower = follower;
            await using var api = options.Grpc ? await StartGrpcAsync(expected, follower, store, core, validator, stoppingToken) : null;
            LogFollowing(_log, options.RpcEndpoint, expected);
            await RetryAsync(async () => { await follower.RunAsync(stoppingToken); return 0; }, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
#pragma warning disable CA1031 // The service boundary: log, exit 1, stop the host.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFatal(_log, e.Message, e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    /// <summary>The names the node serves that the sidecar does not (no wallet, no miner): health answers NOT_SERVING.</summary>
    public static readonly IReadOnlyList<string> NotServedServices =
    [
        Grpc.Protos.Mainchain.V1.BlockProducerService.Descriptor.FullName,
        Grpc.Protos.Mainchain.V1.MiningService.Descriptor.FullName,
        Grpc.Protos.Mainchain.V1.WalletService.Descriptor.FullName,
    ];

    private async Task<WebApplication> StartGrpcAsync(string network, SidecarFollower follower, SidecarStore store, CoreRpcClient core,
        DrivechainValidator validator, CancellationToken cancellationToken)
    {
        var view = new SidecarChainView(network, follower, store, core, validator);
        var services = GrpcApiHost.ChainViewServices().ToList();
        var app = await GrpcApiHost.StartAsync(IPAddress.Parse(options.GrpcBind), options.GrpcPort, loggers, view, Secp256k1Provider.CreateDefault(),
            new GrpcStopControl(lifetime), services, NotServedServices, register: null, cancellationToken);
        var address = LocalWebApplication.BoundAddress(app);
        var names = string.Join(", ", services.Select(s => s.Name));
        LogGrpcListening(_log, address, names);
        return app;
    }

    private async Task<T> RetryAsync<T>(Func<Task<T>> call, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested
                && (e is HttpRequestException or TaskCanceledException || e is CoreRpcException { Code: CoreRpcClient.InWarmup }))
            {
                LogCoreUnavailable(_log, options.RpcEndpoint, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sidecar following Bitcoin Core at {Endpoint} on {Chain}")]
    private static partial void LogFollowing(ILogger logger, Uri endpoint, string chain);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sidechain gRPC API listening on {Address} ({Services})")]
    private static partial void LogGrpcListening(ILogger logger, Uri address, string services);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bitcoin Core at {Endpoint} not available ({Reason}); retrying")]
    private static partial void LogCoreUnavailable(ILogger logger, Uri endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Sidecar stopped: {Reason}")]
    private static partial void LogFatal(ILogger logger, string reason, Exception exception);
}
