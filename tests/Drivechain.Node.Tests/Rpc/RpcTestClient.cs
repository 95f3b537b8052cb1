using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Drivechain.Node.Tests.Rpc;

/// <summary>A minimal JSON-RPC 1.0 client over HTTP for tests: raw posts, and calls that return the result or the error.</summary>
public sealed class RpcTestClient(Uri endpoint, string credentials) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = endpoint, Timeout = TimeSpan.FromMinutes(5) };
    private int _id;

    public Uri Endpoint { get; } = endpoint;

    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PostAsync(string body, string? auth = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var value = auth ?? credentials;
        if (value.Length > 0)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(value)));
        var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>Calls <paramref name="method"/>; returns the full reply object (result, error, id).</summary>
    public async Task<JsonObject> CallRawAsync(string method, params object?[] parameters)
    {
        var request = new JsonObject
        {
            ["method"] = method,
            ["params"] = new JsonArray(parameters.Select(ToNode).ToArray()),
            ["id"] = Interlocked.Increment(ref _id),
        };
        var (_, body, _) = await PostAsync(request.ToJsonString());
        return JsonNode.Parse(body)!.AsObject();
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

    public void Dispose() => _http.Dispose();
}

public sealed class RpcCallException(int code, string message) : Exception($"RPC error {code}: {message}")
{
    public int Code { get; } = code;
    public string RpcMessage { get; } = message;
}
