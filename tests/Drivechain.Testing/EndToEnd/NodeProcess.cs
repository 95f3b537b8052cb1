using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Drivechain.Testing.EndToEnd;

/// <summary>
/// The real <c>drivechain node --regtest</c> executable as a child process on a free loopback port, driven over HTTP
/// JSON-RPC only. Start-up is awaited by watching its log for the ready line (no polling sleeps). Shared by the node's
/// end-to-end tests and the dashboard's browser tests.
/// </summary>
public sealed partial class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Uri> _dashboard = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Uri> _grpc = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];
    private bool _disposed;

    private NodeProcess(Process process, string dataDir, int port, int p2pPort)
    {
        _process = process;
        DataDir = dataDir;
        Port = port;
        P2pPort = p2pPort;
    }

    public string DataDir { get; }
    public int Port { get; }

    /// <summary>The P2P port the node listens on (127.0.0.1), unless <c>--listen 0</c> was given.</summary>
    public int P2pPort { get; }
    public RpcTestClient Rpc { get; private set; } = null!;

    /// <summary>The dashboard's address, from its "Dashboard listening on" log line (regtest serves it by default).</summary>
    public Task<Uri> DashboardAddress => _dashboard.Task;

    /// <summary>The sidechain gRPC API's address, from its "Sidechain gRPC API listening on" log line.</summary>
    public Task<Uri> GrpcAddress => _grpc.Task;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <param name="dataDir">The node's <c>--datadir</c>.</param>
    /// <param name="extraArgs">More <c>drivechain node</c> options (e.g. <c>--reindex</c>, <c>--connect</c>).</param>
    public static async Task<NodeProcess> StartAsync(string dataDir, params string[] extraArgs)
    {
        // A port found free can be taken (by another test's outbound connection) before the node binds it: pick new ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(dataDir, extraArgs);
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
            }
        }
    }

    private static async Task<NodeProcess> StartOnceAsync(string dataDir, string[] extraArgs)
    {
        var port = FreePort();
        var p2pPort = FreePort();
        var start = StartInfo("node", "--regtest", "--datadir", dataDir, "--rpcport", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var arg in extraArgs) start.ArgumentList.Add(arg);
        // The dashboard's default port (RPC port + 1000) could collide between parallel nodes: any free port instead.
        if (!extraArgs.Contains("--dashboardport")) { start.ArgumentList.Add("--dashboardport"); start.ArgumentList.Add("0"); }
        // Likewise the gRPC API's default port 50051.
        if (!extraArgs.Contains("--grpcport")) { start.ArgumentList.Add("--grpcport"); start.ArgumentList.Add("0"); }
        // P2P on a free loopback port, never the default 18444 shared by every test node.
        foreach (var arg in new[] { "--port", p2pPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1" }) start.ArgumentList.Add(arg);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var node = new NodeProcess(process, dataDir, port, p2pPort);
        process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => node.OnLine(e.Data);
        process.Exited += (_, _) =>
        {
            node._ready.TrySetException(new InvalidOperationException($"node exited early:\n{node.Output}"));
            node._dashboard.TrySetException(new InvalidOperationException($"node exited before its dashboard started:\n{node.Output}"));
            node._grpc.TrySetException(new InvalidOperationException($"node exited before its gRPC API started:\n{node.Output}"));
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node._ready.Task.WaitAsync(TimeSpan.FromMinutes(2));
        // P2P starts listening just after the node is ready: tests that connect to it wait for the listener.
        string? Listen(string value) => extraArgs.Select((arg, i) => (arg, i))
            .FirstOrDefault(x => x.arg == "--listen" && x.i + 1 < extraArgs.Length && extraArgs[x.i + 1] == value).arg;
        var listens = Listen("1") is not null || (Listen("0") is null && !extraArgs.Contains("--connect"));   // Core: -connect implies -listen=0
        if (listens)
        {
            // A P2P port taken after it was found free: the node keeps running without a listener (as Core says, it logs
            // "Unable to bind"); stop it and start again on new ports.
            var listening = node.WaitForOutputAsync("P2P listening on", TimeSpan.FromMinutes(1));
            var bindFailed = node.WaitForOutputAsync("Unable to bind to", TimeSpan.FromMinutes(1));
            _ = bindFailed.ContinueWith(t => t.Exception, TaskScheduler.Default);   // its timeout, once listening, is expected
            if (await Task.WhenAny(listening, bindFailed) == bindFailed && !listening.IsCompleted)
            {
                await node.DisposeAsync();
                throw new InvalidOperationException($"P2P port {p2pPort}: address already in use\n{node.Output}");
            }
            await listening;
        }
        var cookie = await File.ReadAllTextAsync(Path.Combine(dataDir, "regtest", ".cookie"));
        node.Rpc = new RpcTestClient(new Uri($"http://127.0.0.1:{port}/"), cookie);
        return node;
    }

    /// <summary>
    /// Runs <c>drivechain node --datadir <paramref name="dataDir"/> --rpcport 0</c> with <paramref name="extraArgs"/> (no chain
    /// flag: give <c>--regtest</c> or let drivechain.conf choose) until it
    /// exits by itself (e.g. <c>--stopafterblockimport</c>, or a start-up error) and returns its exit code and output.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string dataDir, params string[] extraArgs)
    {
        var start = StartInfo("node", "--datadir", dataDir, "--grpcport", "0", "--listen", "0");
        if (!extraArgs.Contains("--rpcport")) { start.ArgumentList.Add("--rpcport"); start.ArgumentList.Add("0"); }
        foreach (var arg in extraArgs) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Stops the node with the stop RPC and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await Rpc.CallAsync("stop");
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return _process.ExitCode;
    }

    /// <summary>Waits for the node to exit by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;   // a test may dispose a node it then failed to replace
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        Rpc?.Dispose();
        _process.Dispose();
    }

    /// <summary>
    /// Asserts that the node logs each of <paramref name="texts"/>, waiting up to 30 s for each: the logger writes after the
    /// event a test observed (a disconnect, an RPC reply), so a line can trail it, more so with the fast-starting native node.
    /// </summary>
    public async Task ShouldLogAsync(params string[] texts)
    {
        foreach (var text in texts)
        {
            try
            {
                await WaitForOutputAsync(text, TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"the node did not log \"{text}\" within 30 s; its output:\n{Output}");
            }
        }
    }

    /// <summary>Completes when a line of the node's output contains <paramref name="text"/> (lines already written count).</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal)) return Task.CompletedTask;
            _waiters.Add((text, seen));
        }
        return seen.Task.WaitAsync(timeout);
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var waiter in _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
        if (line.Contains("Ready for RPC on", StringComparison.Ordinal)) _ready.TrySetResult();
        if (DashboardLine().Match(line) is { Success: true } m) _dashboard.TrySetResult(new Uri(m.Groups[1].Value));
        if (GrpcLine().Match(line) is { Success: true } g) _grpc.TrySetResult(new Uri(g.Groups[1].Value));
    }

    [GeneratedRegex(@"Sidechain gRPC API listening on (http://\S+)")]
    private static partial Regex GrpcLine();

    [GeneratedRegex(@"Dashboard listening on (http://\S+)")]
    private static partial Regex DashboardLine();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// How the tests start <c>drivechain</c> with <paramref name="args"/> (output redirected): the NativeAOT executable a Release
    /// build publishes into <c>src/Drivechain.Cli/bin/Release/net10.0/native/</c> (the binary people run, docs/performance.md),
    /// else <c>dotnet drivechain.dll</c> of the same build. <c>DRIVECHAIN_REQUIRE_NATIVE_NODE=1</c> (set by .ci/run) makes a
    /// missing native executable a failure instead.
    /// </summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var output = CliOutput();
        var native = Path.Combine(output, "native", OperatingSystem.IsWindows() ? "drivechain.exe" : "drivechain");
        ProcessStartInfo start;
        if (File.Exists(native)) start = new ProcessStartInfo(native);
        else if (Environment.GetEnvironmentVariable("DRIVECHAIN_REQUIRE_NATIVE_NODE") == "1")
            throw new FileNotFoundException($"DRIVECHAIN_REQUIRE_NATIVE_NODE=1 but the native drivechain is not built: {native}");
        else
        {
            var dll = Path.Combine(output, "drivechain.dll");
            if (!File.Exists(dll)) throw new FileNotFoundException($"the drivechain executable is not built: {dll}");
            start = new ProcessStartInfo("dotnet");
            start.ArgumentList.Add(dll);
        }
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    /// <summary>src/Drivechain.Cli/bin/&lt;configuration&gt;/net10.0/ of this checkout (built with the tests).</summary>
    private static string CliOutput()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        return Path.Combine(RepositoryRoot.Path, "src", "Drivechain.Cli", "bin", configuration, "net10.0");
    }
}
