using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
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
    public async Task<JsonElement> CallAsync(string method, object?[] parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _id);
        var body = JsonSerializer.Serialize(new { jsonrpc = "1.0", id, method, @params = parameters });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri("", UriKind.Relative), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrEmpty(text))
            throw new CoreRpcException(method, (int)response.StatusCode,
                string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} with an empty body (wrong credentials?)"));
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            throw new CoreRpcException(method, error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString() ?? "");
        return root.GetProperty("result").Clone();
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
