using System.Text;
using System.Text.Json.Nodes;
using Drivechain.Node.Rpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Drivechain.Node.Tests.Rpc;

/// <summary>Runs RPC methods through the real dispatcher without HTTP, for pure methods that need no host.</summary>
public sealed class RpcHarness(params IRpcMethodProvider[] providers)
{
    private readonly RpcDispatcher _dispatcher = new(new RpcMethodTable(providers), NullLogger<RpcDispatcher>.Instance);

    public async Task<JsonObject> CallRawAsync(string method, params object?[] parameters)
    {
        var request = new JsonObject { ["method"] = method, ["params"] = new JsonArray(parameters.Select(ToNode).ToArray()), ["id"] = 1 };
        var reply = await _dispatcher.DispatchAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), CancellationToken.None);
        return JsonNode.Parse(reply.Body!)!.AsObject();
    }

    public async Task<JsonNode?> CallAsync(string method, params object?[] parameters)
    {
        var reply = await CallRawAsync(method, parameters);
        if (reply["error"] is JsonObject error) throw new RpcCallException((int)error["code"]!, (string)error["message"]!);
        return reply["result"];
    }

    public async Task<(int Code, string Message)> CallErrorAsync(string method, params object?[] parameters)
    {
        var reply = await CallRawAsync(method, parameters);
        var error = reply["error"] as JsonObject ?? throw new InvalidOperationException($"{method} succeeded: {reply["result"]?.ToJsonString()}");
        return ((int)error["code"]!, (string)error["message"]!);
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        decimal d => JsonValue.Create(d),
        _ => throw new ArgumentException($"unsupported parameter type {value.GetType()}"),
    };
}
