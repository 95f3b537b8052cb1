using System.Diagnostics;
using System.Globalization;
using Drivechain.Consensus;
using Drivechain.Node.Sidecar;
using Drivechain.Testing.Bitcoind;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Drivechain.Sidecar.Tests;

/// <summary>
/// The figure for docs/embedding.md: the sidecar's initial sync of 2,000 regtest blocks mined on Core, one block per
/// round trip (batch 1, as before pipelining) against JSON-RPC batches of 16, 32 and 64 blocks, each from an empty store,
/// after one unreported warm-up run (JIT, connections).
/// Prints blocks/s; asserts only that every run reached Core's tip with the same state.
/// </summary>
public sealed class SidecarSyncFigures(ITestOutputHelper output)
{
    [BitcoindFact]
    public async Task Initial_sync_reaches_Cores_tip_at_every_batch_size_and_the_speed_is_reported()
    {
        const int Blocks = 2000;
        await using var core = await BitcoindProcess.StartAsync();
        var miner = new CoreMiner(core);
        for (var mined = 0; mined < Blocks; mined += 500) await miner.MinePlainAsync(500);
        var tipHash = await core.GetBestBlockHashAsync();
        using var rpc = new CoreRpcClient(new Uri($"http://127.0.0.1:{core.RpcPort}/"), CoreCredentials.UserPassword);
        var validator = new DrivechainValidator(DrivechainParams.ForNetwork("regtest"));

        Bitcoin.Primitives.UInt256? digest = null;
        foreach (var (batch, report) in new[] { (32, false), (1, true), (16, true), (32, true), (64, true), (1, true), (32, true) })
        {
            using var directory = new TempDirectory();
            using var store = SidecarStore.Open(Path.Combine(directory.Path, "sidecar.sqlite"));
            var follower = new SidecarFollower(rpc, store, validator, NullLogger<SidecarFollower>.Instance) { BatchSize = batch };
            await follower.StartAsync(CancellationToken.None);
            var watch = Stopwatch.StartNew();
            await follower.SyncAsync(CancellationToken.None);
            watch.Stop();

            follower.Tip!.Height.Should().Be(Blocks);
            follower.Tip.Hash.ToString().Should().Be(tipHash);
            digest ??= follower.Tip.State.ComputeDigest();
            follower.Tip.State.ComputeDigest().Should().Be(digest.Value);
            if (report) output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sidecar initial sync, {Blocks} regtest blocks, batch {batch}: {watch.Elapsed.TotalSeconds:F2} s, {Blocks / watch.Elapsed.TotalSeconds:F0} blocks/s"));
        }
    }
}
