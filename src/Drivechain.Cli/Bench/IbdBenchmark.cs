using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Drivechain.Cli.Replay;
using Drivechain.Consensus.Vectors;

namespace Drivechain.Cli.Bench;

/// <summary>
/// <c>drivechain bench ibd</c>: initial block download over P2P from one Bitcoin Core peer serving the vector's blocks,
/// timed for our node and for a second Bitcoin Core in one run. Both stop at the peer's height (<c>-stopatheight</c>),
/// so <see cref="ProcessMeter"/> sees whole processes: start-up, handshake, headers, blocks, flush, exit.
/// </summary>
internal sealed partial class IbdBenchmark(string workDirectory, TextWriter output)
{
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Serves <paramref name="vector"/>'s blocks from one Core and times the two downloads.</summary>
    public async Task<IReadOnlyList<MeasuredRun>> RunAsync(VectorFile vector, string bitcoind, CancellationToken cancellationToken)
    {
        var network = vector.Params.Network;
        var blockFile = Path.Combine(workDirectory, "blk-bench.dat");
        BlockFileWriter.Write(vector, blockFile);

        // The serving peer: import the blocks once (not timed), then listen on a free loopback port.
        var sourceDir = Directory.CreateDirectory(Path.Combine(workDirectory, "source")).FullName;
        var import = await ProcessMeter.RunAsync(bitcoind,
            [$"-{network}", $"-datadir={sourceDir}", $"-loadblock={blockFile}", "-stopafterblockimport", "-listen=0", "-server=0", "-connect=0",
                .. BenchProcesses.QuietCore],
            Path.Combine(workDirectory, "source-import.log"), cancellationToken);
        var height = await BenchProcesses.CoreHeightAsync(sourceDir, network, cancellationToken);
        if (import.ExitCode != 0 || height is null) throw new InvalidOperationException($"Bitcoin Core could not import the blocks (see {sourceDir})");
        output.WriteLine($"{vector.Name}: {vector.Blocks.Length} blocks, served by Bitcoin Core up to height {height}");

        var port = FreePort();
        using var source = Process.Start(new ProcessStartInfo(bitcoind)
        {
            ArgumentList = { $"-{network}", $"-datadir={sourceDir}", "-listen=1", $"-bind=127.0.0.1:{port}", $"-port={port}", "-server=0",
                "-connect=0", "-whitelist=noban@127.0.0.1", "-dnsseed=0", "-fixedseeds=0", "-printtoconsole=0" },
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"could not start {bitcoind}");
        try
        {
            await WaitForListenerAsync(port, cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(SyncTimeout);
            var peer = $"127.0.0.1:{port}";
            var runs = new List<MeasuredRun>();

            var self = BenchProcesses.SelfCommand();
            var oursDir = Directory.CreateDirectory(Path.Combine(workDirectory, "ours")).FullName;
            var oursLog = Path.Combine(workDirectory, "ours-ibd.log");
            var ours = await ProcessMeter.RunAsync(self[0],
                [.. self.Skip(1), "node", $"--{network}", "--datadir", oursDir, "--rpcport", "0", "--grpc", "0", "--dashboard", "0",
                    "--listen", "0", "--connect", peer, "--stopatheight", height.Value.ToString(CultureInfo.InvariantCulture)],
                oursLog, timeout.Token);
            runs.Add(new MeasuredRun("ours: IBD from Core (P2P)", ours.Wall, ours.User, ours.System, ours.PeakRssKb,
                BenchProcesses.LastHeight(OurStopHeight(), await File.ReadAllTextAsync(oursLog, cancellationToken)), ours.ExitCode));

            var coreDir = Directory.CreateDirectory(Path.Combine(workDirectory, "core")).FullName;
            var core = await ProcessMeter.RunAsync(bitcoind,
                [$"-{network}", $"-datadir={coreDir}", $"-connect={peer}", "-listen=0", "-server=0",
                    $"-stopatheight={height.Value.ToString(CultureInfo.InvariantCulture)}", .. BenchProcesses.QuietCore],
                Path.Combine(workDirectory, "core-ibd.log"), timeout.Token);
            var coreRun = new MeasuredRun("Bitcoin Core: IBD from Core (P2P)", core.Wall, core.User, core.System, core.PeakRssKb,
                await BenchProcesses.CoreHeightAsync(coreDir, network, cancellationToken), core.ExitCode);
            runs.Add(coreRun);

            BenchProcesses.Print(output, runs, coreRun);
            return runs;
        }
        finally
        {
            if (!source.HasExited) source.Kill(entireProcessTree: true);
            await source.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task WaitForListenerAsync(int port, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    [GeneratedRegex(@"Reached height (\d+) \(-stopatheight\)")]
    private static partial Regex OurStopHeight();
}
