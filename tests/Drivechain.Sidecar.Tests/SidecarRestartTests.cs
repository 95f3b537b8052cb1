using Drivechain.Testing.Bitcoind;

namespace Drivechain.Sidecar.Tests;

/// <summary>The real <c>drivechain sidecar</c> process: its state survives a SIGKILL and a reorg while it was down.</summary>
public sealed class SidecarRestartTests
{
    [BitcoindFact]
    public async Task Sidecar_killed_with_SIGKILL_resumes_from_its_store_and_ends_with_the_digest_of_an_independent_replay()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var miner = new CoreMiner(core);
        using var dataDir = new TempDirectory();
        await miner.MinePlainAsync(1);
        await miner.ActivateSidechainAsync(slot: 4);
        var beforeKill = await core.GetBestBlockHashAsync();
        await using (var first = SidecarProcess.Start(core, dataDir.Path))
        {
            await first.DigestAtTipAsync(beforeKill);
            await first.KillAsync();
        }

        // While it is down: Core drops the last two blocks (an activation ACK among them) and mines another branch.
        await core.CallAsync("invalidateblock", (await core.CallAsync("getblockhash", await core.GetBlockCountAsync() - 1)).GetString());
        var tip = (await miner.MinePlainAsync(4))[^1];

        await using var second = SidecarProcess.Start(core, dataDir.Path);
        var digest = await second.DigestAtTipAsync(tip);
        var replay = await miner.ReplayActiveChainAsync();

        digest.Should().Be(replay.Digest.ToString());
        second.Output.Should().Contain("resumed at height 8").And.Contain("Disconnected block 8").And.Contain("Disconnected block 7");
    }
}
