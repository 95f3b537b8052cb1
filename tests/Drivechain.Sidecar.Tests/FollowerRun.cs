using System.Threading.Channels;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Node.Sidecar;
using Drivechain.Testing.Bitcoind;
using Microsoft.Extensions.Logging.Abstractions;

namespace Drivechain.Sidecar.Tests;

/// <summary>
/// A <see cref="SidecarFollower"/> running in-process against a real bitcoind, with its store in a temporary directory;
/// its verdicts are collected in order. Disposing stops the loop and deletes the directory.
/// </summary>
internal sealed class FollowerRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<SidecarVerdict> _verdicts = Channel.CreateUnbounded<SidecarVerdict>();
    private readonly List<SidecarVerdict> _seen = [];
    private readonly CoreRpcClient _rpc;
    private readonly TempDirectory _directory;
    private Task _loop = Task.CompletedTask;

    private FollowerRun(BitcoindProcess core, TempDirectory directory)
    {
        _directory = directory;
        _rpc = new CoreRpcClient(new Uri($"http://127.0.0.1:{core.RpcPort}/"), CoreCredentials.UserPassword);
        Store = SidecarStore.Open(Path.Combine(directory.Path, "sidecar.sqlite"));
        Follower = new SidecarFollower(_rpc, Store, new DrivechainValidator(DrivechainParams.ForNetwork("regtest")),
            NullLogger<SidecarFollower>.Instance) { PollTimeout = TimeSpan.FromSeconds(10) };
        Follower.VerdictReached += v => _verdicts.Writer.TryWrite(v);
    }

    public SidecarFollower Follower { get; }

    public SidecarStore Store { get; }

    public static async Task<FollowerRun> StartAsync(BitcoindProcess core)
    {
        var run = new FollowerRun(core, new TempDirectory());
        await run.Follower.StartAsync(CancellationToken.None);
        run._loop = Task.Run(() => run.Follower.RunAsync(run._stop.Token));
        return run;
    }

    /// <summary>The verdict on <paramref name="hash"/>, waiting for it (verdicts on other blocks are kept).</summary>
    public async Task<SidecarVerdict> VerdictOnAsync(string hash, TimeSpan? timeout = null)
    {
        var wanted = UInt256.Parse(hash);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_seen.LastOrDefault(v => v.Hash == wanted) is { } found) return found;
            if (_loop.IsFaulted) await _loop;
            _seen.Add(await _verdicts.Reader.ReadAsync(cts.Token));
        }
    }

    /// <summary>Waits until the follower's tip is <paramref name="hash"/> (after a reorg, once it connected that block).</summary>
    public async Task<SidecarTip> TipAtAsync(string hash) => (await VerdictOnAsync(hash)).Accepted
        ? Follower.Tip!
        : throw new InvalidOperationException($"block {hash} was rejected");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        Store.Dispose();
        _rpc.Dispose();
        _stop.Dispose();
        _directory.Dispose();
    }
}
