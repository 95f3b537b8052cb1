using System.Net;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Node.ChainView;
using Drivechain.Node.Grpc.Protos.Crypto.V1;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Drivechain.Node.Grpc.Services;
using Drivechain.Node.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Grpc;

/// <summary>
/// The web host of the sidechain gRPC API, shared by the node (<see cref="GrpcServer"/>) and <c>drivechain sidecar</c>:
/// Kestrel with HTTP/2 without TLS, the given services, gRPC health (SERVING for each served name, NOT_SERVING for the
/// names this process knows but does not serve), server reflection, and the 4 MiB request limit of spec §1.
/// </summary>
public static class GrpcApiHost
{
    /// <summary>Largest request accepted (spec §1); larger ones get RESOURCE_EXHAUSTED.</summary>
    public const int MaxRequestBytes = 4 * 1024 * 1024;

    private const string NotServedCheck = "not-served";

    /// <summary>The services every host serves from an <see cref="IChainView"/>: ValidatorService and CryptoService.</summary>
    public static IEnumerable<(string Name, Action<WebApplication> Map)> ChainViewServices() =>
    [
        (ValidatorService.Descriptor.FullName, app => app.MapGrpcService<ValidatorGrpcService>()),
        (CryptoService.Descriptor.FullName, app => app.MapGrpcService<CryptoGrpcService>()),
    ];

    /// <summary>
    /// Starts the API on <paramref name="bind"/>:<paramref name="port"/> (0 = any free port) with <paramref name="services"/>;
    /// <paramref name="register"/> adds what they need to the host's container (beside the chain view, secp256k1 and stop
    /// control registered here).
    /// </summary>
    public static async Task<WebApplication> StartAsync(IPAddress bind, int port, ILoggerFactory loggerFactory, IChainView chain,
        ISecp256k1 secp, GrpcStopControl stopControl, IReadOnlyList<(string Name, Action<WebApplication> Map)> services,
        IReadOnlyList<string> notServed, Action<IServiceCollection>? register, CancellationToken cancellationToken)
    {
        var app = LocalWebApplication.Create(bind, port, loggerFactory, configure: builder =>
        {
            builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));
            builder.Services.AddSingleton(chain);
            builder.Services.AddSingleton(secp);
            builder.Services.AddSingleton(stopControl);
            register?.Invoke(builder.Services);
            builder.Services.AddGrpc(g =>
            {
                g.MaxReceiveMessageSize = MaxRequestBytes;
                g.EnableDetailedErrors = false;
            });
            builder.Services.AddGrpcReflection();
            var checks = builder.Services.AddGrpcHealthChecks(h =>
            {
                foreach (var (name, _) in services) h.Services.Map(name, r => r.Name != NotServedCheck);
                foreach (var name in notServed) h.Services.Map(name, r => r.Name == NotServedCheck);
            }).AddCheck("api", () => HealthCheckResult.Healthy());
            // Always unhealthy: the health-check service logs it as an error on every run, so the host that uses it
            // (the sidecar) silences that log category.
            if (notServed.Count > 0) checks.AddCheck(NotServedCheck, () => HealthCheckResult.Unhealthy("not served by this process"));
        });
        try
        {
            foreach (var (_, map) in services) map(app);
            app.MapGrpcHealthChecksService();
            app.MapGrpcReflectionService();
            await app.StartAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
