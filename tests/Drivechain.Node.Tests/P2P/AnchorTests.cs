using System.Net;
using Drivechain.Node.P2P.Addresses;
using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// Anchors against a real Bitcoin Core process: anchors.dat makes the node reconnect to its block-relay-only peers first,
/// and is written again at a clean stop. (Feelers are proven in <see cref="OutboundConnectionTests"/>, where every slot is taken.)
/// </summary>
public sealed class AnchorTests : IDisposable
{
    private static readonly byte[] RegtestMagic = [0xfa, 0xbf, 0xb5, 0xda];
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-anchors-").FullName;

    private string AnchorsPath => Path.Combine(_dataDir, "regtest", "anchors.dat");

    [BitcoindFact]
    public async Task An_anchor_is_reconnected_first_as_block_relay_only_and_written_back_at_a_clean_stop()
    {
        await using var core = await BitcoindProcess.StartAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(AnchorsPath)!);
        var anchor = new IPEndPoint(IPAddress.Loopback, core.P2pPort);
        AnchorsFile.Write(AnchorsPath, RegtestMagic, [new PeerAddress(anchor, 9, DateTimeOffset.UtcNow)]);

        var node = await NodeProcess.StartAsync(_dataDir);
        await using (node)
        {
            await Eventually.TrueAsync(async () => (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray()
                    .Any(p => p!["connection_type"]!.GetValue<string>() == "block-relay-only" && p["version"]!.GetValue<int>() > 0
                              && p["addr"]!.GetValue<string>().EndsWith($":{core.P2pPort}", StringComparison.Ordinal)),
                "the anchor is connected as block-relay-only", TimeSpan.FromSeconds(30));
            File.Exists(AnchorsPath).Should().BeFalse("anchors.dat is deleted once read");
            (await node.Rpc.CallAsync("getnodeaddresses", 0))!.AsArray().Should().BeEmpty("the anchor came from anchors.dat, not the address manager");
            var theirs = (await core.CallAsync("getpeerinfo")).EnumerateArray().Single();
            theirs.GetProperty("inbound").GetBoolean().Should().BeTrue();
            theirs.GetProperty("relaytxes").GetBoolean().Should().BeFalse();

            (await node.StopAsync()).Should().Be(0);
        }

        AnchorsFile.ReadAndDelete(AnchorsPath, RegtestMagic, out var error).Select(a => a.EndPoint).Should().Equal([anchor], node.Output);
        error.Should().BeNull();
    }

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
