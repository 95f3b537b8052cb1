using Drivechain.Node.Grpc.Protos.Common.V1;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Drivechain.Node.Tests.Grpc;

public sealed class GrpcServerTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dc-grpc-").FullName;
    private NodeProcess _node = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _node = await NodeProcess.StartAsync(_dir);
        _channel = GrpcChannel.ForAddress(await _node.GrpcAddress.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _node.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Chain_tip_and_header_info_agree_with_rpc()
    {
        var best = (string)(await _node.Rpc.CallAsync("getbestblockhash"))!;
        var validator = new ValidatorService.ValidatorServiceClient(_channel);

        var tip = await validator.GetChainTipAsync(new GetChainTipRequest());
        var header = await validator.GetBlockHeaderInfoAsync(new GetBlockHeaderInfoRequest { BlockHash = new ReverseHex { Hex = best } });

        tip.BlockHeaderInfo.BlockHash.Hex.Should().Be(best);
        tip.BlockHeaderInfo.Height.Should().Be(0);
        header.HeaderInfos.Should().ContainSingle().Which.Should().Be(tip.BlockHeaderInfo);
    }

    [Fact]
    public async Task Bad_block_hashes_get_clear_statuses()
    {
        var validator = new ValidatorService.ValidatorServiceClient(_channel);

        var missing = await Assert.ThrowsAsync<RpcException>(() => validator.GetBlockHeaderInfoAsync(new GetBlockHeaderInfoRequest()).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() => validator.GetBlockHeaderInfoAsync(new GetBlockHeaderInfoRequest { BlockHash = new ReverseHex { Hex = "zz" } }).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => validator.GetBlockHeaderInfoAsync(new GetBlockHeaderInfoRequest { BlockHash = new ReverseHex { Hex = new string('1', 64) } }).ResponseAsync);

        missing.StatusCode.Should().Be(StatusCode.InvalidArgument);
        missing.Status.Detail.Should().Contain("block_hash");
        malformed.StatusCode.Should().Be(StatusCode.InvalidArgument);
        unknown.StatusCode.Should().Be(StatusCode.NotFound);
    }

    [Fact]
    public async Task Health_answers_serving_for_served_services_and_not_found_for_others()
    {
        var health = new Health.HealthClient(_channel);

        var validator = await health.CheckAsync(new HealthCheckRequest { Service = "cusf.mainchain.v1.ValidatorService" });
        var overall = await health.CheckAsync(new HealthCheckRequest { Service = "" });
        var wallet = await health.CheckAsync(new HealthCheckRequest { Service = "cusf.mainchain.v1.WalletService" });
        var unknown = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "cusf.mainchain.v1.NoSuchService" }).ResponseAsync);

        validator.Status.Should().Be(HealthCheckResponse.Types.ServingStatus.Serving);
        overall.Status.Should().Be(HealthCheckResponse.Types.ServingStatus.Serving);
        wallet.Status.Should().Be(HealthCheckResponse.Types.ServingStatus.Serving);
        unknown.StatusCode.Should().Be(StatusCode.NotFound);
    }
}
