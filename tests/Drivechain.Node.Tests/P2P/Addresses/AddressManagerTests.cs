using System.Net;
using Drivechain.Node.P2P.Addresses;

namespace Drivechain.Node.Tests.P2P.Addresses;

public sealed class AddressManagerTests : IDisposable
{
    private static readonly byte[] Magic = [0xfa, 0xbf, 0xb5, 0xda];
    private readonly SettableClock _clock = new(DateTimeOffset.Parse("2026-12-04T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly string _dir = Directory.CreateTempSubdirectory("drivechain-addrman-").FullName;

    private PeerAddress Address(string ip, int port = 8333) => new(new IPEndPoint(IPAddress.Parse(ip), port), 9, _clock.GetUtcNow());

    private static IPAddress Source => IPAddress.Parse("8.8.8.8");

    [Fact]
    public void Routable_addresses_are_added_once_and_local_or_private_ones_only_on_regtest()
    {
        var main = new AddressManager(_clock, localAllowed: false);
        main.Add([Address("11.1.2.3"), Address("127.0.0.1"), Address("10.0.0.1"), Address("192.168.1.1"), Address("2001:db8::1")], Source, TimeSpan.Zero)
            .Should().Be(1);
        main.Add([Address("11.1.2.3")], Source, TimeSpan.Zero).Should().Be(0, "a known address is not added twice");
        main.Count.Should().Be(1);
        main.NewCount.Should().Be(1);

        var regtest = new AddressManager(_clock, localAllowed: true);
        regtest.Add([Address("127.0.0.1", 1), Address("127.0.0.1", 2)], IPAddress.Loopback, TimeSpan.Zero).Should().Be(2);
        regtest.GroupOf(new IPEndPoint(IPAddress.Loopback, 1)).Should().NotEqual(regtest.GroupOf(new IPEndPoint(IPAddress.Loopback, 2)),
            "each local end point is its own group on regtest");
    }

    [Fact]
    public void Network_groups_are_the_ipv4_slash_16_and_the_ipv6_slash_32()
    {
        NetGroup.Of(IPEndPoint.Parse("11.1.2.3:1")).Should().Equal(NetGroup.Of(IPEndPoint.Parse("11.1.200.200:2")));
        NetGroup.Of(IPEndPoint.Parse("11.1.2.3:1")).Should().NotEqual(NetGroup.Of(IPEndPoint.Parse("11.2.2.3:1")));
        NetGroup.Of(IPEndPoint.Parse("[2a01:4f8:1::1]:1")).Should().Equal(NetGroup.Of(IPEndPoint.Parse("[2a01:4f8:ffff::2]:1")));
        NetGroup.Of(IPEndPoint.Parse("[2a01:4f9::1]:1")).Should().NotEqual(NetGroup.Of(IPEndPoint.Parse("[2a01:4f8::1]:1")));
        NetGroup.Of(IPEndPoint.Parse("[::ffff:11.1.2.3]:1")).Should().Equal(NetGroup.Of(IPEndPoint.Parse("11.1.9.9:1")));
    }

    [Fact]
    public void A_good_address_moves_to_tried_and_failures_lower_its_chance_until_it_is_terrible()
    {
        var manager = new AddressManager(_clock, localAllowed: false);
        manager.Add([Address("11.1.2.3"), Address("12.1.2.3")], Source, TimeSpan.Zero);
        manager.LastSuccess(IPEndPoint.Parse("11.1.2.3:8333")).Should().BeNull();
        manager.Good(IPEndPoint.Parse("11.1.2.3:8333")).Should().BeTrue();
        manager.LastSuccess(IPEndPoint.Parse("11.1.2.3:8333")).Should().Be(_clock.GetUtcNow());
        manager.IsTried(IPEndPoint.Parse("11.1.2.3:8333")).Should().BeTrue();
        manager.IsTried(IPEndPoint.Parse("12.1.2.3:8333")).Should().BeFalse();
        (manager.TriedCount, manager.NewCount).Should().Be((1, 1));

        for (var i = 0; i < 3; i++)
        {
            manager.Attempt(IPEndPoint.Parse("12.1.2.3:8333"), countFailure: true);
            _clock.Advance(TimeSpan.FromMinutes(2));
        }
        // Only the first failure after the last success anywhere counts (Core): one attempt counted, not terrible yet.
        manager.GetAddresses(0, 0, null, new Random(1)).Should().HaveCount(2);
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(2));
            manager.Good(IPEndPoint.Parse("11.1.2.3:8333"));
            manager.Attempt(IPEndPoint.Parse("12.1.2.3:8333"), countFailure: true);
        }
        _clock.Advance(TimeSpan.FromMinutes(2));
        // Three counted failures and never a success: terrible, left out of answers.
        manager.GetAddresses(0, 0, null, new Random(1)).Select(a => a.EndPoint.ToString()).Should().Equal("11.1.2.3:8333");
    }

    [Fact]
    public void Automatic_connections_back_off_from_half_a_second_to_a_minute_while_they_keep_failing()
    {
        Drivechain.Node.P2P.PeerManager.AutomaticBackoff(0).Should().Be(TimeSpan.Zero);
        Drivechain.Node.P2P.PeerManager.AutomaticBackoff(1).Should().Be(TimeSpan.FromSeconds(1));
        Drivechain.Node.P2P.PeerManager.AutomaticBackoff(3).Should().Be(TimeSpan.FromSeconds(4));
        Drivechain.Node.P2P.PeerManager.AutomaticBackoff(50).Should().Be(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Getaddr_answers_hold_at_most_the_given_share_and_select_draws_known_addresses()
    {
        var manager = new AddressManager(_clock, localAllowed: false);
        var all = Enumerable.Range(1, 100).Select(i => Address($"{i % 200 + 11}.{i}.1.1")).ToList();
        manager.Add(all, Source, TimeSpan.Zero).Should().BeGreaterThan(90);
        var known = manager.GetAddresses(0, 0, null, new Random(2));
        manager.GetAddresses(1000, 23, null, new Random(2)).Should().HaveCount(23 * known.Count / 100).And.OnlyHaveUniqueItems();
        manager.GetAddresses(5, 0, "ipv4", new Random(2)).Should().HaveCount(5);
        manager.GetAddresses(0, 0, "ipv6", new Random(2)).Should().BeEmpty();
        var random = new Random(3);
        for (var i = 0; i < 20; i++)
            known.Select(a => a.EndPoint).Should().Contain(manager.Select(newOnly: false, random)!.Value.Address.EndPoint);
    }

    [Fact]
    public void Peers_dat_round_trips_tables_and_times_and_a_damaged_file_is_refused_and_leaves_the_manager_empty()
    {
        var path = Path.Combine(_dir, "peers.dat");
        var manager = new AddressManager(_clock, localAllowed: false);
        manager.Add([Address("11.1.2.3"), Address("2a01:4f8::1", 18444), Address("12.1.2.3")], Source, TimeSpan.FromHours(2));
        manager.Good(IPEndPoint.Parse("12.1.2.3:8333"));
        manager.Save(path, Magic);

        var loaded = new AddressManager(_clock, localAllowed: false);
        loaded.Load(path, Magic).Should().BeNull();
        (loaded.Count, loaded.TriedCount).Should().Be((3, 1));
        loaded.IsTried(IPEndPoint.Parse("12.1.2.3:8333")).Should().BeTrue();
        loaded.GetAddresses(0, 0, null, new Random(1)).Should().BeEquivalentTo(manager.GetAddresses(0, 0, null, new Random(1)));

        loaded.Load(path, [1, 2, 3, 4]).Should().Be("peers.dat of another network");
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(path, bytes);
        var damaged = new AddressManager(_clock, localAllowed: false);
        damaged.Load(path, Magic).Should().Be("checksum mismatch");
        damaged.Count.Should().Be(0);
        File.WriteAllBytes(path, [1, 2, 3]);
        damaged.Load(path, Magic).Should().Be("file too short");
        damaged.Load(Path.Combine(_dir, "absent.dat"), Magic).Should().BeNull("no file is a fresh start");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
