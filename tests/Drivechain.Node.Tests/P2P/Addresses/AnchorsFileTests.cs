using System.Net;
using Drivechain.Node.P2P.Addresses;

namespace Drivechain.Node.Tests.P2P.Addresses;

/// <summary>anchors.dat: at most two addresses, read once and deleted, damage and other networks refused.</summary>
public sealed class AnchorsFileTests : IDisposable
{
    private static readonly byte[] Regtest = [0xfa, 0xbf, 0xb5, 0xda];
    private static readonly byte[] Main = [0xf9, 0xbe, 0xb4, 0xd9];
    private readonly string _dir = Directory.CreateTempSubdirectory("drivechain-anchors-").FullName;

    private string Path => System.IO.Path.Combine(_dir, "anchors.dat");

    private static PeerAddress Anchor(string endPoint) => new(IPEndPoint.Parse(endPoint), 9, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    [Fact]
    public void Anchors_round_trip_at_most_two_and_the_file_is_deleted_once_read()
    {
        AnchorsFile.Write(Path, Regtest, [Anchor("11.1.2.3:8333"), Anchor("[2001:4860::1]:18444"), Anchor("12.1.2.3:8333")]);

        var anchors = AnchorsFile.ReadAndDelete(Path, Regtest, out var error);

        error.Should().BeNull();
        anchors.Should().Equal(Anchor("11.1.2.3:8333"), Anchor("[2001:4860::1]:18444"));
        File.Exists(Path).Should().BeFalse();
        AnchorsFile.ReadAndDelete(Path, Regtest, out error).Should().BeEmpty("a missing file is no anchors");
        error.Should().BeNull();
    }

    [Fact]
    public void A_damaged_or_other_network_file_gives_no_anchors_and_a_reason_and_is_deleted()
    {
        AnchorsFile.Write(Path, Main, [Anchor("11.1.2.3:8333")]);
        AnchorsFile.ReadAndDelete(Path, Regtest, out var error).Should().BeEmpty();
        error.Should().Be("another network's file");
        File.Exists(Path).Should().BeFalse();

        AnchorsFile.Write(Path, Regtest, [Anchor("11.1.2.3:8333")]);
        var bytes = File.ReadAllBytes(Path);
        bytes[14] ^= 1;
        File.WriteAllBytes(Path, bytes);
        AnchorsFile.ReadAndDelete(Path, Regtest, out error).Should().BeEmpty();
        error.Should().Be("checksum mismatch");
        File.Exists(Path).Should().BeFalse();

        File.WriteAllBytes(Path, [1, 2, 3]);
        AnchorsFile.ReadAndDelete(Path, Regtest, out error).Should().BeEmpty();
        error.Should().Be("truncated");
    }

    [Fact]
    public void No_block_relay_only_peers_at_shutdown_write_an_empty_file()
    {
        AnchorsFile.Write(Path, Regtest, []);

        AnchorsFile.ReadAndDelete(Path, Regtest, out var error).Should().BeEmpty();
        error.Should().BeNull();
    }

    public void Dispose() => TempDirectories.Delete(_dir);
}
