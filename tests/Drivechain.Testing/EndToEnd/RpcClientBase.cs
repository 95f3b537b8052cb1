using System.Text.Json.Nodes;

namespace Drivechain.Testing.EndToEnd;

/// <summary>
/// What every test RPC client shares: building a request from plain values, and turning a reply into the
/// result or the (code, message) of its error. Subclasses only say how a request reaches the dispatcher.
/// </summary>
public abstract class RpcClientBase
{
    private int _id;

    /// <summary>Sends one request (JSON text) and returns the reply object (result, error, id).</summary>
    protected abstract Task<JsonObject> SendAsync(string requestJson);

    /// <summary>Calls <paramref name="method"/>; returns the full reply object (result, error, id).</summary>
    public Task<JsonObject> CallRawAsync(string method, params object?[] parameters)
    {
        var request = new JsonObject
        {
            ["method"] = method,
            ["params"] = new JsonArray(parameters.Select(ToNode).ToArray()),
            ["id"] = Interlocked.Increment(ref _id),
        };
        return SendAsync(request.ToJsonString());
    }

    /// <summary>Calls <paramref name="method"/> and returns its result; an error reply fails with its code and message.</summary>
    public async Task<JsonNode?> CallAsync(string method, params object?[] parameters)
    {
        var reply = await CallRawAsync(method, parameters);
        if (reply["error"] is JsonObject error)
            throw new RpcCallException((int)error["code"]!, (string)error["message"]!);
        return reply["result"];
    }

    /// <summary>Calls <paramref name="method"/> expecting an error; returns (code, message).</summary>
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
        double d => JsonValue.Create(d),
        _ => throw new ArgumentException($"unsupported parameter type {value.GetType()}"),
    };
}
