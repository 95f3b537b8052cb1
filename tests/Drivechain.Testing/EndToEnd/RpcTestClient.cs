using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Drivechain.Testing.EndToEnd;

/// <summary>A minimal JSON-RPC 1.0 client over HTTP for tests: raw posts, and calls that return the result or the error.</summary>
public sealed class RpcTestClient(Uri endpoint, string credentials, string path = "/") : RpcClientBase, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = endpoint, Timeout = TimeSpan.FromMinutes(5) };

    public Uri Endpoint { get; } = endpoint;

    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PostAsync(string body, string? auth = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var value = auth ?? credentials;
        if (value.Length > 0)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(value)));
        var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <inheritdoc />
    protected override async Task<JsonObject> SendAsync(string requestJson)
    {
        var (_, body, _) = await PostAsync(requestJson);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>A client for Core's wallet endpoint <c>/wallet/&lt;name&gt;</c> of the same node.</summary>
    public RpcTestClient ForWallet(string name) => new(Endpoint, credentials, "/wallet/" + Uri.EscapeDataString(name));

    public void Dispose() => _http.Dispose();
}
