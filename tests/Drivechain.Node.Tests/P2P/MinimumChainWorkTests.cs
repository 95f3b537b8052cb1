using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// -minimumchainwork against real Bitcoin Core processes: a Core whose chain has less work than the minimum has its
/// headers ignored (none stored, no block fetched); a Core with enough work is pre-synchronized, its headers fetched
/// again and checked, stored and its chain downloaded.
/// </summary>
public sealed class MinimumChainWorkTests : IDisposable
{
    private const string Payee = "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-minwork-").FullName;

    [BitcoindFact]
    public async Task Headers_of_a_chain_below_minimumchainwork_are_not_stored_and_a_peer_with_enough_work_syncs_after_presync()
    {
        // Regtest blocks carry 2 units of work each (genesis too): 0x1000 is first reached at height 2047.
        await using var weak = await BitcoindProcess.StartAsync();
        await weak.GenerateToAddressAsync(200, Payee);
        await using var strong = await BitcoindProcess.StartAsync();
        var mined = await strong.GenerateToAddressAsync(2100, Payee);

        await using var node = await NodeProcess.StartAsync(_dataDir, "--addnode", weak.P2pEndpoint, "--minimumchainwork", "0x1000");
        await node.WaitForOutputAsync("Ignoring low-work chain (height=200) from peer", Timeout);
        var before = (await node.Rpc.CallAsync("getblockchaininfo"))!;
        before["blocks"]!.GetValue<int>().Should().Be(0, "no block of the low-work chain is downloaded");
        before["headers"]!.GetValue<int>().Should().Be(0, "no header of the low-work chain is stored");
        before["initialblockdownload"]!.GetValue<bool>().Should().BeTrue("the tip has less than the minimum chain work");

        await node.Rpc.CallAsync("addnode", strong.P2pEndpoint, "onetry");
        await node.WaitForOutputAsync($"Block {mined[^1]} accepted at height 2100", Timeout);
        await node.ShouldLogAsync("pre-synchronizing", "Pre-synchronizing blockheaders, height: 2000", "reaches the work threshold at height 2047", "match the presynced chain up to height 2047");
        var after = (await node.Rpc.CallAsync("getblockchaininfo"))!;
        after["headers"]!.GetValue<int>().Should().Be(2100);
        after["initialblockdownload"]!.GetValue<bool>().Should().BeFalse();
        (await node.Rpc.CallAsync("getconnectioncount"))!.GetValue<int>().Should().Be(2, "the low-work peer is not punished");
    }

    [Fact]
    public async Task A_minimumchainwork_that_is_not_hex_stops_the_node_with_a_clear_error()
    {
        var (exitCode, output) = await NodeProcess.RunToExitAsync(_dataDir, "--minimumchainwork", "0xnothex");
        exitCode.Should().NotBe(0);
        output.Should().Contain("minimumchainwork must be a hex number");
    }

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
