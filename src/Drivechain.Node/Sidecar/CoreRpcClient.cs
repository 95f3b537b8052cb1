using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Sidecar;

/// <summary>
/// The few Bitcoin Core JSON-RPC calls the sidecar needs, over HTTP basic authentication (a cookie file's
/// <c>__cookie__:secret</c> or <c>rpcuser:rpcpassword</c>). Thread-safe.
/// </summary>
public sealed class CoreRpcClient : IDisposable
{
    /// <summary>Core's RPC_INVALID_PARAMETER: <c>getblockhash</c> beyond the tip.</summary>
    public const int InvalidParameter = -8;

    /// <summary>Core's RPC_IN_WARMUP: still loading.</summary>
    public const int InWarmup = -28;

    /// <summary>Core's RPC_INVALID_ADDRESS_OR_KEY: <c>getblockheader</c> of an unknown block.</summary>
    public const int InvalidAddressOrKey = -5;

    private readonly HttpClient _http;
    private int _id;

    /// <param name="endpoint">http://host:port/ of Core's RPC server.</param>
    /// <param name="credentials"><c>user:password</c> (a cookie file's content is exactly this).</param>
    public CoreRpcClient(Uri endpoint, string credentials)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(credentials);
        // waitfornewblock is a long poll bounded by its own timeout argument; a stuck server still fails the call.
        _http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromMinutes(2) };
        _http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
    }

    /// <summary>The credentials in a Core cookie file (<c>__cookie__:hex</c>), trimmed.</summary>
    public static string ReadCookie(string path)
    {
        var text = File.ReadAllText(path).Trim();
        return text.Contains(':', StringComparison.Ordinal)
            ? text
            : throw new InvalidDataException($"{path} is not a Bitcoin Core cookie file (no user:password)");
    }

    /// <summary>Core's chain name (<c>getblockchaininfo.chain</c>: main, test, testnet4, signet, regtest).</summary>
    public async Task<string> GetChainNameAsync(CancellationToken cancellationToken) =>
        (await CallAsync("getblockchaininfo", [], cancellationToken)).GetProperty("chain").GetString() ?? "";

    /// <summary>The hash of the active chain's block at <paramref name="height"/>, or null when Core's chain is shorter.</summary>
    public async Task<UInt256?> GetBlockHashAsync(int height, CancellationToken cancellationToken)
    {
        try
        {
            return UInt256.Parse((await CallAsync("getblockhash", [height], cancellationToken)).GetString()!);
        }
        catch (CoreRpcException e) when (e.Code == InvalidParameter)
        {
            return null;
        }
    }

    /// <summary>
    /// The hashes of the active chain's blocks from <paramref name="fromHeight"/> on, at most <paramref name="count"/>, in one
    /// JSON-RPC batch of <c>getblockhash</c>; shorter when Core's chain ends first.
    /// </summary>
    public async Task<List<UInt256>> GetBlockHashesAsync(int fromHeight, int count, CancellationToken cancellationToken)
    {
        var calls = Enumerable.Range(fromHeight, count).Select(h => ("getblockhash", new JsonNode?[] { h })).ToList();
        var hashes = new List<UInt256>(count);
        foreach (var (result, error) in await BatchAsync(calls, cancellationToken))
        {
            if (error is { Code: InvalidParameter }) break;
            if (error is not null) throw error;
            hashes.Add(UInt256.Parse(result.GetString()!));
        }
        return hashes;
    }

    /// <summary>The serialized blocks of <paramref name="hashes"/>, in order, in one JSON-RPC batch of <c>getblock hash 0</c>.</summary>
    public async Task<List<byte[]>> GetRawBlocksAsync(IReadOnlyList<UInt256> hashes, CancellationToken cancellationToken)
    {
        var results = await BatchAsync([.. hashes.Select(h => ("getblock", new JsonNode?[] { h.ToString(), 0 }))], cancellationToken);
        return [.. results.Select(r => r.Error is null ? Convert.FromHexString(r.Result.GetString()!) : throw r.Error)];
    }

    /// <summary>
    /// The height and raw 80-byte header of a block Core knows (active chain or not), or null for an unknown block
    /// (<c>getblockheader hash true</c> and <c>getblockheader hash false</c> in one batch).
    /// </summary>
    public async Task<(int Height, byte[] Header)?> GetBlockHeaderAsync(UInt256 hash, CancellationToken cancellationToken)
    {
        var results = await BatchAsync([("getblockheader", [hash.ToString(), true]), ("getblockheader", [hash.ToString(), false])], cancellationToken);
        if (results.Any(r => r.Error is { Code: InvalidAddressOrKey })) return null;
        if (results.FirstOrDefault(r => r.Error is not null).Error is { } error) throw error;
        return (results[0].Result.GetProperty("height").GetInt32(), Convert.FromHexString(results[1].Result.GetString()!));
    }

    /// <summary>The height of the best header Core knows (<c>getblockchaininfo.headers</c>).</summary>
    public async Task<int> GetHeaderCountAsync(CancellationToken cancellationToken) =>
        (await CallAsync("getblockchaininfo", [], cancellationToken)).GetProperty("headers").GetInt32();

    /// <summary>The serialized block (<c>getblock hash 0</c>).</summary>
    public async Task<byte[]> GetRawBlockAsync(UInt256 hash, CancellationToken cancellationToken) =>
        Convert.FromHexString((await CallAsync("getblock", [hash.ToString(), 0], cancellationToken)).GetString()!);

    /// <summary>
    /// Long-polls until Core's tip differs from <paramref name="currentTip"/> or <paramref name="timeout"/> passes
    /// (<c>waitfornewblock timeout current_tip</c>); returns Core's tip hash then.
    /// </summary>
    public async Task<UInt256> WaitForNewBlockAsync(UInt256 currentTip, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await CallAsync("waitfornewblock", [(long)timeout.TotalMilliseconds, currentTip.ToString()], cancellationToken);
        return UInt256.Parse(result.GetProperty("hash").GetString()!);
    }

    /// <summary>Marks <paramref name="hash"/> (and its descendants) invalid on Core (<c>invalidateblock</c>); Core then reorgs.</summary>
    public Task InvalidateBlockAsync(UInt256 hash, CancellationToken cancellationToken) =>
        CallAsync("invalidateblock", [hash.ToString()], cancellationToken);

    /// <summary>Calls <paramref name="method"/> with positional <paramref name="parameters"/> and returns its <c>result</c>.</summary>
    public async Task<JsonElement> CallAsync(string method, JsonNode?[] parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _id);
        using var document = await PostAsync(method, Request(id, method, parameters), cancellationToken);
        var (result, error) = Result(method, document.RootElement);
        return error is null ? result : throw error;
    }

    /// <summary>
    /// Sends <paramref name="calls"/> as one JSON-RPC batch (one HTTP round trip); each call's result or error, in the calls'
    /// order.
    /// </summary>
    public async Task<List<(JsonElement Result, CoreRpcException? Error)>> BatchAsync(IReadOnlyList<(string Method, JsonNode?[] Parameters)> calls,
        CancellationToken cancellationToken)
    {
        if (calls.Count == 0) return [];
        var first = Interlocked.Add(ref _id, calls.Count) - calls.Count + 1;
        var requests = new JsonArray([.. calls.Select((c, i) => Request(first + i, c.Method, c.Parameters))]);
        using var document = await PostAsync(calls[0].Method, requests, cancellationToken);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            throw Result(calls[0].Method, document.RootElement).Error ?? new CoreRpcException(calls[0].Method, 0, "a batch was not answered with an array");
        var byId = new Dictionary<long, JsonElement>();
        foreach (var reply in document.RootElement.EnumerateArray()) byId[reply.GetProperty("id").GetInt64()] = reply;
        return [.. calls.Select((c, i) => byId.TryGetValue(first + i, out var reply)
            ? Result(c.Method, reply)
            : (default, new CoreRpcException(c.Method, 0, "no reply in the batch")))];
    }

    /// <summary>One JSON-RPC 1.0 request object.</summary>
    private static JsonObject Request(long id, string method, JsonNode?[] parameters) => new()
    {
        ["jsonrpc"] = "1.0",
        ["id"] = id,
        ["method"] = method,
        ["params"] = new JsonArray(parameters),
    };

    private async Task<JsonDocument> PostAsync(string method, JsonNode body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri("", UriKind.Relative), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrEmpty(text))
            throw new CoreRpcException(method, (int)response.StatusCode,
                string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} with an empty body (wrong credentials?)"));
        return JsonDocument.Parse(text);
    }

    private static (JsonElement Result, CoreRpcException? Error) Result(string method, JsonElement reply) =>
        reply.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            ? (default, new CoreRpcException(method, error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString() ?? ""))
            : (reply.GetProperty("result").Clone(), null);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
