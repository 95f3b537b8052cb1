using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Drivechain.Node.Tests.Wallet;

/// <summary>
/// Core's -disablewallet on the real node process: a wallet listed for start-up is not loaded, every wallet RPC answers
/// -32601 Method not found (Core does not register them), and the gRPC WalletService is not served (health NOT_FOUND,
/// calls UNIMPLEMENTED) while the other services are.
/// </summary>
public sealed class WalletDisabledTests : IAsyncLifetime   // xunit 2 calls IAsyncLifetime on test classes, not IAsyncDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("dc-nowallet-").FullName;
    private NodeProcess? _node;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task With_disablewallet_no_wallet_loads_wallet_rpcs_are_not_found_and_the_wallet_service_is_not_served()
    {
        _node = await NodeProcess.StartAsync(_dataDir, "--listen", "0");
        await _node.Rpc.CallAsync("createwallet", "w", false, false, "", false, true, true);   // load_on_startup = true
        (await _node.StopAsync()).Should().Be(0);
        await _node.DisposeAsync();

        _node = await NodeProcess.StartAsync(_dataDir, "--listen", "0", "--disablewallet");

        await _node.WaitForOutputAsync("Wallet disabled (-disablewallet)", TimeSpan.FromMinutes(1));
        foreach (var method in new[] { "listwallets", "getwalletinfo", "getnewaddress", "createwallet", "loadwallet", "sendtoaddress" })
            (await _node.Rpc.CallErrorAsync(method)).Should().Be((-32601, "Method not found"), method);
        using (var wallet = _node.Rpc.ForWallet("w"))
            (await wallet.CallErrorAsync("getbalance")).Should().Be((-32601, "Method not found"));
        (await _node.Rpc.CallAsync("getblockcount"))!.GetValue<int>().Should().Be(0, "the rest of the node works");
        _node.Output.Should().NotContain("Wallet w loaded");

        using var channel = GrpcChannel.ForAddress(await _node.GrpcAddress);
        var health = new Health.HealthClient(channel);
        var notServed = await Assert.ThrowsAsync<RpcException>(() =>
            health.CheckAsync(new HealthCheckRequest { Service = WalletService.Descriptor.FullName }).ResponseAsync);
        notServed.StatusCode.Should().Be(StatusCode.NotFound);
        (await health.CheckAsync(new HealthCheckRequest { Service = ValidatorService.Descriptor.FullName })).Status
            .Should().Be(HealthCheckResponse.Types.ServingStatus.Serving);
        var call = await Assert.ThrowsAsync<RpcException>(() =>
            new WalletService.WalletServiceClient(channel).GetBalanceAsync(new GetBalanceRequest()).ResponseAsync);
        call.StatusCode.Should().Be(StatusCode.Unimplemented);
    }
}
