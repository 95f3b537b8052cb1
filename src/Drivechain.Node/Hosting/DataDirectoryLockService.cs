using Drivechain.Node.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Hosting;

/// <summary>
/// The first hosted service: locks the chain data directory before any other service writes there (the RPC cookie,
/// the chain, the miner policy), so a second node on the same directory stops without touching the first one's files.
/// </summary>
public sealed class DataDirectoryLockService(IOptions<NodeOptions> options) : IHostedService, IDisposable
{
    private DataDirectoryLock? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = DataDirectoryLock.Acquire(options.Value.ChainDataDirectory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Released when the host is disposed, after every other service has stopped.</summary>
    public void Dispose() => _lock?.Dispose();
}
