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
    NodeChain chain,
    Drivechain.Node.Mining.MinerPolicy policy,
    TimeProvider time,
    Microsoft.Extensions.Configuration.IConfiguration configuration,
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
            var sinceProcessStart = SecondsSinceProcessStart();
            LogProcessStart(log, sinceProcessStart);
            foreach (var key in NodeConfiguration.UnknownKeys(configuration)) LogUnknownSetting(log, key);
            var backend = secp.Name;
            LogSecp(log, backend);
            Directory.CreateDirectory(dataDir);
            readiness.Transition(NodeState.Syncing, o.Reindex
                ? "reindex: rebuilding the block index, UTXO set and drivechain state from the block files"
                : "loading the block index, UTXO set and drivechain state");
            var progress = new ChainLoadProgressLog(log, time);
            await Task.Run(() => chain.Open(progress), stoppingToken);
            using (chain.EnterLock()) policy.Load();
            if (o.LoadBlock.Count > 0)
            {
                readiness.Transition(NodeState.Syncing, $"importing blocks from {o.LoadBlock.Count} external block files (-loadblock)");
                await Task.Run(() => chain.Chain.ImportBlockFiles(o.LoadBlock), stoppingToken);
                if (o.StopAfterBlockImport)
                {
                    LogStopAfterImport(log, chain.Chain.Height);
                    lifetime.StopApplication();
                    return;
                }
            }
            var tip = chain.Chain.Tip;
            var tipHash = tip.Hash;
            var tipHeight = tip.Height;
            LogTip(log, tipHeight, tipHash);
            readiness.Transition(NodeState.Ready, "chain loaded; no peers to sync from, blocks arrive by RPC and the miner");
            var endpoint = await rpc.Endpoint.WaitAsync(stoppingToken);
            LogReady(log, endpoint);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down during start-up.
        }
        catch (IOException e)
        {
            // The outside world failed (a damaged or truncated store, a full disk): one clear line, no stack trace.
            LogStartupFailed(log, e.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        catch (Exception e)
        {
            LogStartupCrashed(log, e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Node start-up failed")]
    private static partial void LogStartupCrashed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drivechain.NET node starting on {Chain}, data directory {DataDir}")]
    private static partial void LogStarting(ILogger logger, string chain, string dataDir);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!chain.IsLoaded) return;
        using (chain.EnterLock())
        {
            var height = chain.Chain.Height;
            chain.Chain.Flush();
            chain.Chain.Dispose();
            LogFlushed(log, height);
        }
    }

    /// <summary>Runtime start, command line, configuration and host building: what comes before the node's first line.</summary>
    private static double SecondsSinceProcessStart()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return (DateTime.Now - self.StartTime).TotalSeconds;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Host started {Seconds:F2} s after the process (runtime, configuration, services)")]
    private static partial void LogProcessStart(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Block import done at height {Height}: stopping (-stopafterblockimport)")]
    private static partial void LogStopAfterImport(ILogger logger, int height);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring unknown setting '{Setting}' (drivechain.conf, DRIVECHAIN_* or command line)")]
    private static partial void LogUnknownSetting(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Node start-up failed: {Reason}")]
    private static partial void LogStartupFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain state flushed at height {Height}")]
    private static partial void LogFlushed(ILogger logger, int height);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain tip at height {Height}: {BlockHash}")]
    private static partial void LogTip(ILogger logger, int height, Drivechain.Bitcoin.Primitives.UInt256 blockHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "secp256k1 backend: {Secp256k1Backend}")]
    private static partial void LogSecp(ILogger logger, string secp256k1Backend);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready for RPC on {RpcAddress}")]
    private static partial void LogReady(ILogger logger, Uri rpcAddress);
}
