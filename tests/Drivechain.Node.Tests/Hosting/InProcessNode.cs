using Drivechain.Node.Hosting;
using Drivechain.Node.Rpc;
using Drivechain.Node.Tests.Rpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Drivechain.Node.Tests.Hosting;

/// <summary>A regtest node host running in the test process on a free loopback port, with its own temporary data directory.</summary>
public sealed class InProcessNode : IAsyncDisposable
{
    private InProcessNode(IHost host, string dataDir, Uri endpoint, RpcTestClient client)
    {
        Host = host;
        DataDir = dataDir;
        Endpoint = endpoint;
        Rpc = client;
    }

    public IHost Host { get; }
    public string DataDir { get; }
    public Uri Endpoint { get; }
    public RpcTestClient Rpc { get; }
    public string ChainDataDir => Path.Combine(DataDir, "regtest");

    public static async Task<InProcessNode> StartAsync(IDictionary<string, string?>? settings = null, string? dataDir = null)
    {
        dataDir ??= Path.Combine(Path.GetTempPath(), "drivechain-node-tests", Guid.NewGuid().ToString("N"));
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["regtest"] = "true",
            ["datadir"] = dataDir,
            ["rpcport"] = "0",
            ["listen"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var configuration = NodeConfiguration.Build(all, environment: new Dictionary<string, string>());
        var host = NodeHost.CreateBuilder(configuration).Build();
        await host.StartAsync();
        var endpoint = await host.Services.GetRequiredService<RpcServerInfo>().Endpoint;
        await host.Services.GetRequiredService<NodeReadiness>().WhenReady;
        var cookiePath = Path.Combine(dataDir, "regtest", ".cookie");
        var credentials = all.TryGetValue("rpcpassword", out var password) && password is not null
            ? $"{all["rpcuser"]}:{password}"
            : await File.ReadAllTextAsync(cookiePath);
        return new InProcessNode(host, dataDir, endpoint, new RpcTestClient(endpoint, credentials));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
        }
        finally
        {
            Host.Dispose();
            Rpc.Dispose();
            try
            {
                Directory.Delete(DataDir, recursive: true);
            }
            catch (IOException)
            {
                // A log file may still be open on some platforms; the temp folder is disposable.
            }
        }
    }
}
