using System.Text.Json.Nodes;

namespace Drivechain.Node.Rpc;

/// <summary>Runs one RPC call; returns the <c>result</c> (null for JSON null) or throws <see cref="RpcException"/>.</summary>
public delegate ValueTask<JsonNode?> RpcHandler(RpcCall call, CancellationToken cancellationToken);
