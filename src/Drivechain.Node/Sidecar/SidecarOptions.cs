using Drivechain.Node.Hosting;

namespace Drivechain.Node.Sidecar;

/// <summary>What <c>drivechain sidecar</c> was told: Core's chain and RPC endpoint, the credentials, where to keep state.</summary>
/// <param name="Chain">The chain Core must be on (checked against <c>getblockchaininfo</c>).</param>
/// <param name="RpcEndpoint">http://host:port/ of Core's JSON-RPC.</param>
/// <param name="Credentials"><c>user:password</c> or a cookie file's content.</param>
/// <param name="DataDirectory">The chain's data directory of the sidecar (holds <c>sidecar.sqlite</c> and <c>.lock</c>).</param>
public sealed record SidecarOptions(ChainKind Chain, Uri RpcEndpoint, string Credentials, string DataDirectory)
{
    /// <summary>Port of the sidechain gRPC API (default 50051, the node's and the enforcer's; 0 = any free port).</summary>
    public int GrpcPort { get; init; } = 50051;

    /// <summary>Address the gRPC API binds to (loopback by default: the API has no authentication).</summary>
    public string GrpcBind { get; init; } = "127.0.0.1";

    /// <summary>False turns the gRPC API off.</summary>
    public bool Grpc { get; init; } = true;

    /// <summary>The store's file.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "sidecar.sqlite");

    /// <inheritdoc />
    public override string ToString() => $"{ChainDefaults.Name(Chain)} at {RpcEndpoint}, data {DataDirectory}";   // never the credentials
}
