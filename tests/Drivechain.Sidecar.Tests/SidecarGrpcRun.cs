using Drivechain.Node.Grpc.Protos.Common.V1;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Drivechain.Testing.Bitcoind;
using Grpc.Net.Client;

namespace Drivechain.Sidecar.Tests;

/// <summary>
/// The real <c>drivechain sidecar</c> process beside a real bitcoind, with a real Grpc.Net.Client channel to its sidechain
/// gRPC API. Disposing closes the channel, kills the sidecar and deletes its data directory (Core is the caller's).
/// </summary>
internal sealed class SidecarGrpcRun : IAsyncDisposable
{
    private readonly TempDirectory _dataDir;

    private SidecarGrpcRun(TempDirectory dataDir, SidecarProcess sidecar, GrpcChannel channel)
    {
        (_dataDir, Sidecar, Channel) = (dataDir, sidecar, channel);
        Validator = new ValidatorService.ValidatorServiceClient(channel);
    }

    public SidecarProcess Sidecar { get; }
    public GrpcChannel Channel { get; }
    public ValidatorService.ValidatorServiceClient Validator { get; }

    public static async Task<SidecarGrpcRun> StartAsync(BitcoindProcess core)
    {
        var dataDir = new TempDirectory();
        var sidecar = SidecarProcess.Start(core, dataDir.Path);
        try
        {
            var channel = GrpcChannel.ForAddress(await sidecar.GrpcAddress, new GrpcChannelOptions { MaxReceiveMessageSize = 64 << 20 });
            return new SidecarGrpcRun(dataDir, sidecar, channel);
        }
        catch (Exception e)
        {
            var output = sidecar.Output;
            await sidecar.DisposeAsync();
            dataDir.Dispose();
            throw new InvalidOperationException($"the sidecar's gRPC API did not start:\n{output}", e);
        }
    }

    public static ReverseHex Hash(string displayHex) => new() { Hex = displayHex };

    /// <summary>Waits until the sidecar has validated Core's block <paramref name="hash"/> as its tip.</summary>
    public Task AtTipAsync(string hash) => Sidecar.DigestAtTipAsync(hash);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Sidecar.DisposeAsync();
        _dataDir.Dispose();
    }
}
