using Drivechain.Node.Tests.EndToEnd;
using Drivechain.Testing.Bitcoind;

namespace Drivechain.Node.Tests.Storage;

/// <summary><c>--loadblock</c>: blocks imported at start from Bitcoin Core's own block files.</summary>
public sealed class LoadBlockTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-loadblock-").FullName;

    [BitcoindFact]
    public async Task A_chain_mined_by_Bitcoin_Core_is_imported_from_its_block_file_and_stays_after_restart()
    {
        string tip;
        int height;
        string blockFile;
        await using (var core = await BitcoindProcess.StartAsync("-blocksxor=0"))
        {
            var miner = await core.CreateWalletAsync();
            await core.GenerateToAddressAsync(101, miner);
            foreach (var type in new[] { "legacy", "p2sh-segwit", "bech32", "bech32m" })
            {
                var to = (await core.WalletCallAsync("w", "getnewaddress", "", type)).GetString()!;
                await core.WalletCallAsync("w", "sendtoaddress", to, 1.5m);
            }
            await core.GenerateToAddressAsync(1, miner);
            tip = await core.GetBestBlockHashAsync();
            height = await core.GetBlockCountAsync();
            await core.StopAsync();
            blockFile = Path.Combine(_dataDir, "core-blk00000.dat");
            File.Copy(Path.Combine(core.DataDir, "regtest", "blocks", "blk00000.dat"), blockFile);
        }

        var (exitCode, output) = await NodeProcess.RunToExitAsync(_dataDir, "--regtest", "--loadblock", blockFile, "--stopafterblockimport");

        exitCode.Should().Be(0, output);
        output.Should().Contain("Import done").And.Contain($"tip height {height}");
        await using var node = await NodeProcess.StartAsync(_dataDir);
        (await node.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>().Should().Be(tip);
        (await node.Rpc.CallAsync("getblockcount"))!.GetValue<int>().Should().Be(height);
    }

    [Fact]
    public async Task A_missing_loadblock_file_is_refused_at_start_with_a_clear_error()
    {
        var missing = Path.Combine(_dataDir, "no-such-blk.dat");

        var (exitCode, output) = await NodeProcess.RunToExitAsync(_dataDir, "--regtest", "--loadblock", missing);

        exitCode.Should().Be(1);
        output.Should().Contain("loadblock file does not exist");
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
