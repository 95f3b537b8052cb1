using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Drivechain.Testing.Bitcoind;

/// <summary>
/// A real <c>bitcoind -regtest</c> on free loopback ports in its own temporary data directory, driven over JSON-RPC.
/// Disposing stops it (the <c>stop</c> RPC, then a kill if it lingers) and deletes the directory.
/// </summary>
public sealed class BitcoindProcess : IAsyncDisposable
{
    private const string User = "u";
    private const string Password = "p";
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly StringBuilder _output = new();
    private int _id;

    private BitcoindProcess(Process process, string dataDir, int p2pPort, int rpcPort)
    {
        _process = process;
        DataDir = dataDir;
        P2pPort = p2pPort;
        RpcPort = rpcPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{rpcPort}/"), Timeout = TimeSpan.FromMinutes(5) };
        _http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
    }

    /// <summary>The temporary data directory (regtest files are under <c>regtest/</c>).</summary>
    public string DataDir { get; }

    /// <summary>The P2P port on 127.0.0.1.</summary>
    public int P2pPort { get; }

    /// <summary>The JSON-RPC port on 127.0.0.1.</summary>
    public int RpcPort { get; }

    /// <summary>"127.0.0.1:port" of the P2P listener, for <c>--connect</c>/<c>--addnode</c>.</summary>
    public string P2pEndpoint => $"127.0.0.1:{P2pPort}";

    /// <summary>What bitcoind printed on stdout/stderr (debug.log is in <see cref="DataDir"/>).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>
    /// Starts bitcoind (found by <see cref="BitcoindBinary"/>) and waits until its RPC answers. The defaults are the
    /// interop set (loopback only, no seeds, <c>-acceptnonstdtxn=1</c>, <c>-txindex=1</c>, wallet fallback fee);
    /// <paramref name="extraArgs"/> are appended (e.g. <c>-connect=127.0.0.1:P</c>, <c>-v2transport=0</c>).
    /// </summary>
    public static async Task<BitcoindProcess> StartAsync(params string[] extraArgs)
    {
        // A port found free can be taken (by another test's outbound connection) before bitcoind binds it: pick new ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(extraArgs);
            }
            catch (InvalidOperationException e) when (attempt < 3 && IsPortTaken(e.Message))
            {
            }
        }
    }

    // What bitcoind prints when its P2P port ("Unable to bind to …") or its RPC port ("Unable to start HTTP server") is taken.
    private static bool IsPortTaken(string message) =>
        message.Contains("Unable to bind", StringComparison.Ordinal) || message.Contains("Unable to start HTTP server", StringComparison.Ordinal);

    private static async Task<BitcoindProcess> StartOnceAsync(string[] extraArgs)
    {
        var binary = BitcoindBinary.Require();
        var dataDir = Directory.CreateTempSubdirectory("bitcoind-").FullName;
        var p2pPort = FreePort();
        var rpcPort = FreePort();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            "-regtest", $"-datadir={dataDir}", $"-port={p2pPort}", $"-rpcport={rpcPort}", "-bind=127.0.0.1", "-rpcbind=127.0.0.1",
            "-rpcallowip=127.0.0.1", "-listen=1", "-server=1", $"-rpcuser={User}", $"-rpcpassword={Password}", "-dnsseed=0",
            "-fixedseeds=0", "-listenonion=0", "-discover=0", "-natpmp=0", "-fallbackfee=0.0001", "-txindex=1",
            "-acceptnonstdtxn=1", "-printtoconsole=0", "-debug=net",
        ];
        foreach (var arg in args.Concat(extraArgs)) start.ArgumentList.Add(arg);
        var process = new Process { StartInfo = start };
        var node = new BitcoindProcess(process, dataDir, p2pPort, rpcPort);
        process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => node.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitForRpcAsync();
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
        return node;
    }

    /// <summary>Calls an RPC method with positional parameters and returns its <c>result</c>.</summary>
    public async Task<JsonElement> CallAsync(string method, params object?[] parameters) =>
        await CallAtAsync("", method, parameters);

    /// <summary>Calls a wallet RPC (<c>/wallet/&lt;name&gt;</c>).</summary>
    public async Task<JsonElement> WalletCallAsync(string wallet, string method, params object?[] parameters) =>
        await CallAtAsync($"wallet/{Uri.EscapeDataString(wallet)}", method, parameters);

    /// <summary>Creates (and loads) a descriptor wallet named <paramref name="name"/> and returns a new bech32 address of it.</summary>
    public async Task<string> CreateWalletAsync(string name = "w")
    {
        await CallAsync("createwallet", name);
        return (await WalletCallAsync(name, "getnewaddress")).GetString()!;
    }

    /// <summary>Mines <paramref name="blocks"/> to <paramref name="address"/> and returns their hashes.</summary>
    public async Task<string[]> GenerateToAddressAsync(int blocks, string address)
    {
        var result = await CallAsync("generatetoaddress", blocks, address);
        return [.. result.EnumerateArray().Select(e => e.GetString()!)];
    }

    /// <summary>The active chain's height.</summary>
    public async Task<int> GetBlockCountAsync() => (await CallAsync("getblockcount")).GetInt32();

    /// <summary>The active chain's tip hash.</summary>
    public async Task<string> GetBestBlockHashAsync() => (await CallAsync("getbestblockhash")).GetString()!;

    private async Task<JsonElement> CallAtAsync(string path, string method, object?[] parameters)
    {
        var id = Interlocked.Increment(ref _id);
        var body = JsonSerializer.Serialize(new { jsonrpc = "1.0", id, method, @params = parameters });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrEmpty(text))
            throw new BitcoindRpcException(method, (int)response.StatusCode, $"HTTP {(int)response.StatusCode} with an empty body");
        if (text.TrimStart() is not ['{', ..] and not ['[', ..])
            throw new BitcoindRpcException(method, (int)response.StatusCode,
                $"HTTP {(int)response.StatusCode} with a body that is not JSON: {text[..Math.Min(text.Length, 200)]}");
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            throw new BitcoindRpcException(method, error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString() ?? "");
        return root.GetProperty("result").Clone();
    }

    private async Task WaitForRpcAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"bitcoind exited with {_process.ExitCode} before its RPC answered:\n{Output}");
            try
            {
                await CallAsync("getblockchaininfo");
                return;
            }
            // -28: still warming up. An HTTP status without a JSON-RPC answer (503 with an empty body while bitcoind shuts down
            // because its P2P port was taken after its RPC came up; a non-JSON body from whatever else holds the port):
            // keep polling until bitcoind exits, so its exit message decides whether StartAsync retries on new ports.
            catch (Exception e) when (e is HttpRequestException or BitcoindRpcException { Code: -28 or >= 100 })
            {
                if (deadline.Elapsed > TimeSpan.FromMinutes(1))
                    throw new TimeoutException($"bitcoind's RPC did not answer within a minute:\n{Output}", e);
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Stops bitcoind (the <c>stop</c> RPC, a kill if it lingers) and keeps its data directory (e.g. to read its block files).</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await CallAsync("stop");
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (Exception e) when (e is HttpRequestException or BitcoindRpcException or TimeoutException or TaskCanceledException)
            {
                // Not answering: killed below.
            }
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
    }

    /// <summary>Stops bitcoind and deletes its data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        _http.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is left behind.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>A port free on 127.0.0.1 at the time of the call.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Culture-independent integer text (for RPC arguments built as strings).</summary>
    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
