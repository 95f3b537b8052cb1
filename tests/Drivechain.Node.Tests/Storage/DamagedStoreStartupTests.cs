namespace Drivechain.Node.Tests.Storage;

/// <summary>A damaged store is refused at start with a message naming the file and -reindex; -reindex recovers.</summary>
public sealed class DamagedStoreStartupTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-damaged-").FullName;

    private string ChainDir => Path.Combine(_dataDir, "regtest");

    [Fact]
    public async Task A_block_file_truncated_inside_its_last_block_is_refused_and_reindex_recovers_the_blocks_before_it()
    {
        await MineAndStopAsync(blocks: 20);
        var blockFile = Path.Combine(ChainDir, "blocks", "blk00000.dat");
        using (var stream = new FileStream(blockFile, FileMode.Open)) stream.SetLength(stream.Length - 100);

        var (exitCode, output) = await NodeProcess.RunToExitAsync(_dataDir, "--regtest");

        exitCode.Should().Be(1);
        output.Should().Contain($"Block file {blockFile} is truncated").And.Contain("-reindex");
        output.Should().NotContain("   at ");
        await using var reindexed = await NodeProcess.StartAsync(_dataDir, "--reindex");
        (await reindexed.Rpc.CallAsync("getblockcount"))!.GetValue<int>().Should().Be(19);
    }

    [Fact]
    public async Task An_overwritten_page_of_the_chain_state_database_is_refused_and_reindex_rebuilds_it()
    {
        var tip = await MineAndStopAsync(blocks: 20);
        var database = Path.Combine(ChainDir, "chainstate.sqlite");
        using (var stream = new FileStream(database, FileMode.Open))
        {
            // Pages 2–5 (SQLite's default page size is 4096) overwritten with garbage, as a bad disk write would.
            stream.Position = 4096;
            stream.Write(Enumerable.Repeat((byte)0xA5, 4 * 4096).ToArray());
        }

        var (exitCode, output) = await NodeProcess.RunToExitAsync(_dataDir, "--regtest");

        exitCode.Should().Be(1);
        output.Should().Contain($"The chain state database {database} is corrupt").And.Contain("-reindex");
        output.Should().NotContain("   at ");
        await using var reindexed = await NodeProcess.StartAsync(_dataDir, "--reindex");
        (await reindexed.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>().Should().Be(tip);
    }

    private async Task<string> MineAndStopAsync(int blocks)
    {
        await using var node = await NodeProcess.StartAsync(_dataDir);
        await node.Rpc.CallAsync("generatetoaddress", blocks, Rpc.RegtestScenario.Address);
        var tip = (await node.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>();
        (await node.StopAsync()).Should().Be(0);
        return tip;
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
