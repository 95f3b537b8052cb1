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
    public async Task Node_reports_ready_after_start()
    {
        await using var node = await InProcessNode.StartAsync();

        node.Host.Services.GetRequiredService<NodeReadiness>().State.Should().Be(NodeState.Ready);
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
}
