using System.Text.Json.Nodes;

namespace Drivechain.Node.Tests.Wallet;

/// <summary>The wallet tests' fixture: a real `drivechain node --regtest` per test in its own temporary data directory.</summary>
public abstract class RunningNodeTests : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("dc-wallet-").FullName;

    protected NodeProcess Node { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Node = await NodeProcess.StartAsync(_dataDir);

    public virtual async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    protected Task<JsonNode?> Rpc(string method, params object?[] args) => Node.Rpc.CallAsync(method, args);
}
