namespace Drivechain.Node.Tests.Storage;

/// <summary>SIGKILL right after blocks were acknowledged over RPC: the restarted node still has them.</summary>
public sealed class AcknowledgedBlocksSurviveKillTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-kill-").FullName;

    [Fact]
    public async Task Blocks_acknowledged_by_generatetoaddress_are_on_the_chain_after_kill_9_and_restart()
    {
        string tip;
        await using (var node = await NodeProcess.StartAsync(_dataDir))
        {
            await node.Rpc.CallAsync("generatetoaddress", 120, Rpc.RegtestScenario.Address);
            tip = (await node.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>();
            // Disposing a running node kills it (SIGKILL): no stop RPC, no final flush (the flush interval is 2,000 blocks).
        }

        await using var restarted = await NodeProcess.StartAsync(_dataDir);

        (await restarted.Rpc.CallAsync("getblockcount"))!.GetValue<int>().Should().Be(120);
        (await restarted.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>().Should().Be(tip);
        var utxo = (await restarted.Rpc.CallAsync("gettxout", (await restarted.Rpc.CallAsync("getblock", tip))!["tx"]![0]!.GetValue<string>(), 0));
        utxo.Should().NotBeNull("the tip's coinbase output is in the rebuilt UTXO set");
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
