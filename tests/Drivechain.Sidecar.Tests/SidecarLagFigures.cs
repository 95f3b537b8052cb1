using System.Diagnostics;
using System.Globalization;
using Drivechain.Testing;
using Drivechain.Testing.Bitcoind;
using Xunit.Abstractions;

namespace Drivechain.Sidecar.Tests;

/// <summary>
/// The figure for docs/embedding.md: lag from Core having a block (its <c>generateblock</c> call returned) to the sidecar's
/// persisted verdict, over 200 single-block rounds. Prints p50/p99; asserts only that every block got its verdict.
/// </summary>
public sealed class SidecarLagFigures(ITestOutputHelper output)
{
    [BitcoindFact]
    public async Task Every_block_mined_one_at_a_time_gets_a_verdict_and_the_lag_is_reported()
    {
        const int Blocks = 200;
        await using var core = await BitcoindProcess.StartAsync();
        var miner = new CoreMiner(core);
        await using var sidecar = await FollowerRun.StartAsync(core);
        var lags = new List<double>(Blocks);
        var fromCall = new List<double>(Blocks);
        for (var i = 0; i < Blocks; i++)
        {
            var called = Stopwatch.GetTimestamp();
            var hash = (await miner.MinePlainAsync(1))[0];
            var mined = Stopwatch.GetTimestamp();
            var verdict = await sidecar.VerdictOnAsync(hash);
            verdict.Accepted.Should().BeTrue();
            // The verdict can land before the RPC answer reaches us: those count as zero lag.
            fromCall.Add(Stopwatch.GetElapsedTime(called, verdict.Timestamp).TotalMilliseconds);
            lags.Add(Math.Max(0, Stopwatch.GetElapsedTime(mined, verdict.Timestamp).TotalMilliseconds));
        }

        lags.Should().HaveCount(Blocks);
        output.WriteLine(Percentiles("from generatetodescriptor's answer to the verdict", lags));
        output.WriteLine(Percentiles("from the generatetodescriptor call to the verdict (includes Core mining it)", fromCall));
    }

    private static string Percentiles(string what, List<double> values) => string.Create(CultureInfo.InvariantCulture,
        $"sidecar lag {what}, {values.Count} blocks: p50 {Figures.Percentile(values, 0.50):F2} ms, p99 {Figures.Percentile(values, 0.99):F2} ms, max {values.Max():F2} ms");
}
