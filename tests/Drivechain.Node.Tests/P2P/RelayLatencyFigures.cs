using System.Globalization;
using System.Text.RegularExpressions;
using Drivechain.Testing;
using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;
using Xunit.Abstractions;
using static Drivechain.Node.Tests.P2P.CoreWallet;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// Issue 11's relay-latency figure, across three nodes in a triangle (our A, our B, Core; B connected to both): blocks
/// mined by A and transactions given to A, timed until B logs them and Core has them. Printed, not asserted; the test
/// checks that every block and transaction arrives everywhere.
/// </summary>
public sealed partial class RelayLatencyFigures(ITestOutputHelper output) : IDisposable
{
    private const int Blocks = 20;
    private const int Transactions = 10;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private readonly string _dataDirA = Directory.CreateTempSubdirectory("drivechain-latency-a-").FullName;
    private readonly string _dataDirB = Directory.CreateTempSubdirectory("drivechain-latency-b-").FullName;

    [BitcoindFact]
    public async Task Blocks_and_transactions_from_our_node_reach_the_other_two_and_the_latency_is_reported()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var address = await core.CreateWalletAsync();
        var blocks = await core.GenerateToAddressAsync(100 + Transactions, address);
        await using var a = await NodeProcess.StartAsync(_dataDirA, "--connect", core.P2pEndpoint, "--listen", "1");
        await using var b = await NodeProcess.StartAsync(_dataDirB, "--connect", core.P2pEndpoint, "--connect", $"127.0.0.1:{a.P2pPort}");
        await b.WaitForOutputAsync($"Block {blocks[^1]} accepted at height {blocks.Length}", Timeout);
        await a.WaitForOutputAsync($"Block {blocks[^1]} accepted at height {blocks.Length}", Timeout);
        await Eventually.TrueAsync(async () => (await a.Rpc.CallAsync("getconnectioncount"))!.GetValue<int>() == 2, "a is connected to Core and b");

        var toB = new List<double>();
        var toCore = new List<double>();
        for (var i = 0; i < Blocks; i++)
        {
            var hash = (await a.Rpc.CallAsync("generatetoaddress", 1, address))!.AsArray()[0]!.GetValue<string>();
            var mined = DateTime.UtcNow;
            (await core.CallAsync("waitforblock", hash, (int)Timeout.TotalMilliseconds)).GetProperty("hash").GetString().Should().Be(hash);
            toCore.Add(Milliseconds(mined, DateTime.UtcNow));
            await b.WaitForOutputAsync($"Block {hash} accepted", Timeout);
            toB.Add(Milliseconds(mined, LoggedAt(b.Output, $"Block {hash} accepted")));
        }
        output.WriteLine(Percentiles($"block mined by A (generatetoaddress answered) → B logs it accepted", toB));
        output.WriteLine(Percentiles($"block mined by A (generatetoaddress answered) → Core's waitforblock returns", toCore));

        toB.Clear();
        toCore.Clear();
        for (var i = 0; i < Transactions; i++)
        {
            var (hex, txid) = await SignedButUnsentAsync(core, address, 1m);
            var sent = DateTime.UtcNow;
            await a.Rpc.CallAsync("sendrawtransaction", hex);
            await Eventually.TrueAsync(async () => (await CoreMempoolAsync(core)).Contains(txid), "the transaction reached Core's mempool", Timeout);
            toCore.Add(Milliseconds(sent, DateTime.UtcNow));
            await b.WaitForOutputAsync($"Transaction {txid} from peer", Timeout);
            toB.Add(Milliseconds(sent, LoggedAt(b.Output, $"Transaction {txid} from peer")));
        }
        output.WriteLine(Percentiles("transaction sent to A → B logs it from a peer", toB));
        output.WriteLine(Percentiles("transaction sent to A → in Core's mempool (polled)", toCore));
    }

    public void Dispose() => TempDirectories.Delete(_dataDirA, _dataDirB);

    private static double Milliseconds(DateTime from, DateTime to) => Math.Max(0, (to - from).TotalMilliseconds);

    /// <summary>The timestamp of the log line containing <paramref name="marker"/> (the node logs UTC ISO-8601 times).</summary>
    private static DateTime LoggedAt(string log, string marker)
    {
        var line = log.Split('\n').First(l => l.Contains(marker, StringComparison.Ordinal));
        var stamp = LogTimestamp().Match(line);
        stamp.Success.Should().BeTrue(line);
        return DateTime.Parse(stamp.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    private static string Percentiles(string what, List<double> values) => string.Create(CultureInfo.InvariantCulture,
        $"relay latency, {what}, {values.Count} samples: p50 {Figures.Percentile(values, 0.50):F1} ms, p90 {Figures.Percentile(values, 0.90):F1} ms, max {values.Max():F1} ms");

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")]
    private static partial Regex LogTimestamp();
}
