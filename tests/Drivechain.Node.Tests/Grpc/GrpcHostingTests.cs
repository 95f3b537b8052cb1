using Drivechain.Node.Grpc.Protos.Common.V1;
using Drivechain.Node.Grpc.Protos.Crypto.V1;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Drivechain.Node.Tests.Grpc;

/// <summary>What a sidechain probes before it uses the API (spec §1): health per service, reflection, the 4 MiB limit, Stop.</summary>
public sealed class GrpcHostingTests : IAsyncLifetime
{
    private GrpcScenario _s = null!;

    public async Task InitializeAsync() => _s = await GrpcScenario.StartAsync(blocks: 0);

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Theory]
    [InlineData("cusf.mainchain.v1.ValidatorService")]
    [InlineData("cusf.mainchain.v1.BlockProducerService")]
    [InlineData("cusf.mainchain.v1.MiningService")]
    [InlineData("cusf.crypto.v1.CryptoService")]
    [InlineData("cusf.mainchain.v1.WalletService")]
    [InlineData("")]
    public async Task Health_answers_serving_for_each_served_service_on_regtest(string service)
    {
        var response = await new Health.HealthClient(_s.Channel).CheckAsync(new HealthCheckRequest { Service = service });

        response.Status.Should().Be(HealthCheckResponse.Types.ServingStatus.Serving);
    }

    [Fact]
    public async Task Health_answers_not_found_for_a_service_that_is_not_served()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Health.HealthClient(_s.Channel).CheckAsync(new HealthCheckRequest { Service = "cusf.mainchain.v1.NoSuchService" }).ResponseAsync);

        error.StatusCode.Should().Be(StatusCode.NotFound);
    }

    [Fact]
    public async Task Reflection_lists_the_services_and_describes_them_so_grpcurl_works()
    {
        using var call = new ServerReflection.ServerReflectionClient(_s.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "cusf.mainchain.v1.ValidatorService" });
        await call.RequestStream.CompleteAsync();

        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name);
        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto;

        services.Should().Contain(["cusf.mainchain.v1.ValidatorService", "cusf.mainchain.v1.BlockProducerService",
            "cusf.mainchain.v1.MiningService", "cusf.crypto.v1.CryptoService", "grpc.health.v1.Health"]);
        files.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_request_over_4_MiB_is_refused_with_resource_exhausted_and_the_server_keeps_serving()
    {
        var crypto = new CryptoService.CryptoServiceClient(_s.Channel);
        var large = new Ripemd160Request { Msg = new Hex { Hex_ = new string('a', 5 << 20) } };

        var error = await Assert.ThrowsAsync<RpcException>(() => crypto.Ripemd160Async(large).ResponseAsync);
        var after = await crypto.Ripemd160Async(new Ripemd160Request { Msg = new Hex { Hex_ = "" } });

        error.StatusCode.Should().Be(StatusCode.ResourceExhausted);
        after.Digest.Hex_.Should().Be("9c1185a5c5e9fc54612808977ee8f548b2258d31");
    }

    [Fact]
    public async Task Stop_answers_then_stops_the_node()
    {
        var lifetime = _s.Node.Node.Host.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());

        await _s.Validator.StopAsync(new StopRequest());

        await stopping.Task.WaitAsync(TimeSpan.FromMinutes(1));
        lifetime.ApplicationStopping.IsCancellationRequested.Should().BeTrue();
    }
}
