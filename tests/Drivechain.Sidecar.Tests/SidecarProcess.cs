using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;

namespace Drivechain.Sidecar.Tests;

/// <summary>
/// The real <c>drivechain sidecar --regtest</c> executable beside a <see cref="BitcoindProcess"/>; its "Tip … digest …"
/// log lines are collected. <see cref="KillAsync"/> is a SIGKILL; disposing kills it if it still runs.
/// </summary>
internal sealed partial class SidecarProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Hash, TaskCompletionSource<string> Digest)> _waiters = [];
    private readonly Dictionary<string, string> _tips = [];
    private readonly TaskCompletionSource<Uri> _grpc = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SidecarProcess(Process process) => _process = process;

    /// <summary>Where its sidechain gRPC API listens (it is started with <c>--grpcport 0</c>: any free port).</summary>
    public Task<Uri> GrpcAddress => _grpc.Task.WaitAsync(TimeSpan.FromSeconds(60));

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static SidecarProcess Start(BitcoindProcess core, string dataDir)
    {
        var start = NodeProcess.StartInfo(
            "sidecar", "--regtest", "--rpcconnect", $"127.0.0.1:{core.RpcPort.ToString(CultureInfo.InvariantCulture)}",
            "--rpcuser", CoreCredentials.User, "--rpcpassword", CoreCredentials.Password, "--datadir", dataDir, "--grpcport", "0");
        var sidecar = new SidecarProcess(new Process { StartInfo = start });
        sidecar._process.OutputDataReceived += (_, e) => sidecar.OnLine(e.Data);
        sidecar._process.ErrorDataReceived += (_, e) => sidecar.OnLine(e.Data);
        sidecar._process.Start();
        sidecar._process.BeginOutputReadLine();
        sidecar._process.BeginErrorReadLine();
        return sidecar;
    }

    /// <summary>Runs <c>drivechain sidecar <paramref name="args"/></c> until it exits by itself; its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(params string[] args)
    {
        var start = NodeProcess.StartInfo(["sidecar", .. args]);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The digest the sidecar logged when its tip became (or resumed at) <paramref name="hash"/>.</summary>
    public Task<string> DigestAtTipAsync(string hash)
    {
        lock (_output)
        {
            if (_tips.TryGetValue(hash, out var digest)) return Task.FromResult(digest);
            var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((hash, waiter));
            return waiter.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            if (GrpcLine().Match(line) is { Success: true } g) _grpc.TrySetResult(new Uri(g.Groups[1].Value));
            if (TipLine().Match(line) is not { Success: true } m) return;
            var (hash, digest) = (m.Groups["hash"].Value, m.Groups["digest"].Value);
            _tips[hash] = digest;
            foreach (var waiter in _waiters.Where(w => w.Hash == hash).ToList())
            {
                waiter.Digest.TrySetResult(digest);
                _waiters.Remove(waiter);
            }
        }
    }

    [GeneratedRegex(@"Sidechain gRPC API listening on (http://\S+)")]
    private static partial Regex GrpcLine();

    [GeneratedRegex(@"(?:Tip|resumed at height) \d+ (?<hash>[0-9a-f]{64}),? digest (?<digest>[0-9a-f]{64})")]
    private static partial Regex TipLine();
}
