using System.Text;
using System.Text.Json.Nodes;
using Drivechain.Node.Rpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Drivechain.Node.Tests.Rpc;

/// <summary>Runs RPC methods through the real dispatcher without HTTP, for pure methods that need no host.</summary>
public sealed class RpcHarness(params IRpcMethodProvider[] providers) : RpcClientBase
{
    private readonly RpcDispatcher _dispatcher = new(new RpcMethodTable(providers), NullLogger<RpcDispatcher>.Instance);

    /// <inheritdoc />
    protected override async Task<JsonObject> SendAsync(string requestJson)
    {
        var reply = await _dispatcher.DispatchAsync(Encoding.UTF8.GetBytes(requestJson), CancellationToken.None);
        return JsonNode.Parse(reply.Body!)!.AsObject();
    }
}
