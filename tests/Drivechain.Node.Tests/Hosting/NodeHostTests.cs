using Drivechain.Node.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Tests.Hosting;

public sealed class NodeHostTests
{
    [Fact]
    public async Task Starting_writes_a_cookie_and_stopping_deletes_it()
    {
        var node = await InProcessNode.StartAsync();
        var cookie = Path.Combine(node.ChainDataDir, ".cookie");
        try
        {
            (await File.ReadAllTextAsync(cookie)).Should().MatchRegex("^__cookie__:[0-9a-f]{64}$");
            await node.Host.StopAsync();
            File.Exists(cookie).Should().BeFalse();
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_rpcuser_and_rpcpassword_no_cookie_is_written()
    {
        await using var node = await InProcessNode.StartAsync(new Dictionary<string, string?> { ["rpcuser"] = "alice", ["rpcpassword"] = "pw" });

        File.Exists(Path.Combine(node.ChainDataDir, ".cookie")).Should().BeFalse();
        (await node.Rpc.CallAsync("uptime")).Should().NotBeNull();
    }

    [Fact]
    public async Task Invalid_options_stop_start_up_with_an_options_validation_exception()
    {
        var configuration = NodeConfiguration.Build(
            new Dictionary<string, string?> { ["regtest"] = "1", ["signet"] = "1", ["datadir"] = Path.GetTempPath() },
            new Dictionary<string, string>());
        using var host = NodeHost.CreateBuilder(configuration).Build();

        var act = () => host.StartAsync();

        await act.Should().ThrowAsync<OptionsValidationException>();
    }

    [Fact]
    public async Task A_started_node_is_ready_and_serves_the_chain_it_loaded()
    {
        await using var node = await InProcessNode.StartAsync();

        // InProcessNode waited for WhenReady; the state must still be Ready (not Stopping after a failed start) and the
        // chain the start-up service loaded must be the one RPC serves.
        node.Host.Services.GetRequiredService<NodeReadiness>().State.Should().Be(NodeState.Ready);
        var info = (await node.Rpc.CallAsync("getblockchaininfo"))!;
        info["chain"]!.GetValue<string>().Should().Be("regtest");
        info["blocks"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task Stop_rpc_shuts_the_host_down_after_replying()
    {
        await using var node = await InProcessNode.StartAsync();
        var lifetime = node.Host.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource();
        lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());

        var result = await node.Rpc.CallAsync("stop");

        result!.GetValue<string>().Should().Be("Drivechain.NET stopping");
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_chain_that_cannot_be_opened_stops_the_host_with_exit_code_1()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "drivechain-node-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dataDir, "regtest"));
        await File.WriteAllBytesAsync(Path.Combine(dataDir, "regtest", "chainstate.sqlite"), Enumerable.Repeat((byte)0x5a, 4096).ToArray());
        var configuration = NodeConfiguration.Build(
            new Dictionary<string, string?> { ["regtest"] = "1", ["datadir"] = dataDir, ["rpcport"] = "0", ["listen"] = "0" }, new Dictionary<string, string>());
        using var host = NodeHost.CreateBuilder(configuration).Build();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource();
        lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        var exitCodeBefore = Environment.ExitCode;
        try
        {
            try
            {
                await host.StartAsync();
            }
            catch (OperationCanceledException)
            {
                // The failure can stop the host while it is still starting; the exit code is what matters.
            }
            await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Environment.ExitCode.Should().Be(1);
            host.Services.GetRequiredService<NodeReadiness>().State.Should().NotBe(NodeState.Ready);
        }
        finally
        {
            Environment.ExitCode = exitCodeBefore;
            await host.StopAsync();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Passwords_and_cookie_secrets_never_reach_the_log()
    {
        const string password = "pa55-SECRET-word";
        var dataDir = Path.Combine(Path.GetTempPath(), "drivechain-node-tests", Guid.NewGuid().ToString("N"));
        var capture = new CapturingLoggerProvider();
        var configuration = NodeConfiguration.Build(new Dictionary<string, string?>
        {
            ["regtest"] = "1", ["datadir"] = dataDir, ["rpcport"] = "0", ["listen"] = "0", ["rpcuser"] = "alice", ["rpcpassword"] = password,
        }, new Dictionary<string, string>());
        using var host = NodeHost.CreateBuilder(configuration, capture).Build();
        await host.StartAsync();
        try
        {
            var endpoint = await host.Services.GetRequiredService<Drivechain.Node.Rpc.RpcServerInfo>().Endpoint;
            await host.Services.GetRequiredService<NodeReadiness>().WhenReady;
            using var good = new RpcTestClient(endpoint, $"alice:{password}");
            using var bad = new RpcTestClient(endpoint, $"alice:{password}x");
            await good.CallAsync("getblockcount");
            await bad.PostAsync("""{"method":"getblockcount","id":1}""");
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(dataDir, recursive: true);
        }

        capture.Lines.Should().NotBeEmpty();
        capture.Lines.Should().Contain(l => l.Contains("Incorrect RPC password attempt", StringComparison.Ordinal));
        capture.Lines.Should().NotContain(l => l.Contains("SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cookie_secret_is_not_logged()
    {
        var capture = new CapturingLoggerProvider();
        var dataDir = Path.Combine(Path.GetTempPath(), "drivechain-node-tests", Guid.NewGuid().ToString("N"));
        var configuration = NodeConfiguration.Build(new Dictionary<string, string?> { ["regtest"] = "1", ["datadir"] = dataDir, ["rpcport"] = "0", ["listen"] = "0" },
            new Dictionary<string, string>());
        using var host = NodeHost.CreateBuilder(configuration, capture).Build();
        await host.StartAsync();
        var secret = (await File.ReadAllTextAsync(Path.Combine(dataDir, "regtest", ".cookie"))).Split(':')[1];
        await host.StopAsync();
        Directory.Delete(dataDir, recursive: true);

        capture.Lines.Should().Contain(l => l.Contains(".cookie", StringComparison.Ordinal));
        capture.Lines.Should().NotContain(l => l.Contains(secret, StringComparison.Ordinal));
    }
}
