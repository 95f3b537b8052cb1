using Drivechain.Node.Tests.EndToEnd;

namespace Drivechain.Node.Tests.Hosting;

/// <summary><c>--stopatheight</c> (Core's <c>-stopatheight</c>): the node stops by itself once its chain reaches the height.</summary>
public sealed class StopAtHeightTests : IDisposable
{
    private const string Address = "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080";
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-stopatheight-").FullName;

    [Fact]
    public async Task The_node_runs_below_the_height_and_stops_cleanly_when_its_chain_reaches_it()
    {
        await using var node = await NodeProcess.StartAsync(_dataDir, "--stopatheight", "3");

        await node.Rpc.CallAsync("generatetoaddress", 2, Address);
        (await node.Rpc.CallAsync("getblockcount"))!.GetValue<int>().Should().Be(2, "the node still runs below the height");
        await node.Rpc.CallAsync("generatetoaddress", 1, Address);
        var exitCode = await node.WaitForExitAsync(TimeSpan.FromMinutes(1));

        exitCode.Should().Be(0, node.Output);
        await node.ShouldLogAsync("Reached height 3 (-stopatheight): stopping");
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
