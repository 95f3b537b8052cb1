using System.Net;
using System.Net.Sockets;
using Drivechain.Node.Hosting;
using Drivechain.Node.P2P.Addresses;

namespace Drivechain.Node.Tests.P2P.Addresses;

/// <summary>Seeding an empty address manager as Core: DNS seeds (-dnsseed), then fixed seeds (-fixedseeds), never when addresses are known.</summary>
public sealed class AddressSeederTests
{
    private readonly SettableClock _clock = new(DateTimeOffset.Parse("2026-12-04T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly List<string> _asked = [];
    private readonly List<TimeSpan> _waited = [];

    private Task<IPAddress[]> NoNetwork(string host, CancellationToken cancellation)
    {
        _asked.Add(host);
        throw new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>The fixed seeds' wait: recorded, and the clock moved on by it.</summary>
    private Task Wait(TimeSpan delay, CancellationToken cancellation)
    {
        _waited.Add(delay);
        _clock.Advance(delay);
        return Task.CompletedTask;
    }

    private Task<SeedOutcome> SeedAsync(AddressManager addresses, ChainKind chain, bool dnsSeed = true, bool fixedSeeds = true,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null, bool hasAddedNodes = false, Func<TimeSpan, CancellationToken, Task>? wait = null) =>
        AddressSeeder.SeedAsync(addresses, chain, 8333, dnsSeed, fixedSeeds, hasAddedNodes, resolve ?? NoNetwork, wait ?? Wait, _clock, new Random(1),
            CancellationToken.None);

    [Fact]
    public void Main_has_fixed_seeds_that_are_routable_distinct_groups_on_the_default_port()
    {
        var seeds = Seeds.FixedSeeds(ChainKind.Main);
        seeds.Should().HaveCountGreaterThanOrEqualTo(20);
        seeds.Should().OnlyContain(e => e.Port == 8333 && NetGroup.IsRoutable(e.Address));
        seeds.Select(e => Convert.ToHexString(NetGroup.Of(e))).Should().OnlyHaveUniqueItems();
        seeds.Should().Contain(e => e.AddressFamily == AddressFamily.InterNetworkV6);
        Seeds.DnsSeeds(ChainKind.Main).Should().Contain("seed.bitcoin.sipa.be");
        Seeds.FixedSeeds(ChainKind.Regtest).Should().BeEmpty();
        Seeds.DnsSeeds(ChainKind.Regtest).Should().BeEmpty();
    }

    [Fact]
    public async Task Without_a_network_an_empty_main_address_manager_asks_every_dns_seed_then_a_minute_after_the_start_takes_the_fixed_seeds()
    {
        var addresses = new AddressManager(_clock, localAllowed: false);
        var start = _clock.GetUtcNow();

        var outcome = await SeedAsync(addresses, ChainKind.Main, resolve: (host, ct) =>
        {
            _clock.Advance(TimeSpan.FromSeconds(2));   // each failed look-up takes a while
            return NoNetwork(host, ct);
        });

        _asked.Should().Equal(Seeds.DnsSeeds(ChainKind.Main));
        outcome.DnsSeedsAsked.Should().Be(Seeds.DnsSeeds(ChainKind.Main).Count);
        outcome.DnsAddresses.Should().Be(0);
        outcome.DnsError.Should().StartWith("seed.bitcoin.sipa.be: ");
        outcome.WaitedForOtherSources.Should().BeTrue();
        _waited.Should().Equal(TimeSpan.FromSeconds(60 - 2 * Seeds.DnsSeeds(ChainKind.Main).Count));
        (_clock.GetUtcNow() - start).Should().Be(AddressSeeder.FixedSeedsDelay, "Core gives other sources 60 seconds");
        // Two seeds may share a bucket slot (Core's fixed seeds can collide the same way): most, not necessarily all, go in.
        outcome.FixedAdded.Should().BeGreaterThan(Seeds.FixedSeeds(ChainKind.Main).Count * 2 / 3);
        addresses.Count.Should().Be(outcome.FixedAdded);
        addresses.NewCount.Should().Be(outcome.FixedAdded, "seeds are only heard of: the new table");
        addresses.GetAddresses(0, 0, null, new Random(2)).Should().OnlyContain(a =>
            Seeds.FixedSeeds(ChainKind.Main).Contains(a.EndPoint) && a.Time == _clock.GetUtcNow() - TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task A_known_address_means_no_seed_is_asked_and_nothing_is_added()
    {
        var addresses = new AddressManager(_clock, localAllowed: false);
        addresses.Add([new PeerAddress(new IPEndPoint(IPAddress.Parse("11.1.2.3"), 8333), 9, _clock.GetUtcNow())], IPAddress.Parse("8.8.8.8"), TimeSpan.Zero);

        var outcome = await SeedAsync(addresses, ChainKind.Main);

        outcome.Skipped.Should().BeTrue();
        _asked.Should().BeEmpty();
        addresses.Count.Should().Be(1);
    }

    [Fact]
    public async Task Dnsseed_0_skips_the_dns_seeds_and_takes_the_fixed_seeds_at_once()
    {
        var addresses = new AddressManager(_clock, localAllowed: false);

        var outcome = await SeedAsync(addresses, ChainKind.Main, dnsSeed: false);

        _asked.Should().BeEmpty();
        outcome.DnsSeedsAsked.Should().Be(0);
        outcome.DnsError.Should().BeNull();
        outcome.FixedAdded.Should().BePositive();
        addresses.Count.Should().Be(outcome.FixedAdded);
        _waited.Should().BeEmpty("no other source could fill the manager");
    }

    [Fact]
    public async Task With_dnsseed_0_and_an_addnode_peer_the_fixed_seeds_wait_a_minute_and_are_skipped_if_the_peer_filled_the_manager()
    {
        var addresses = new AddressManager(_clock, localAllowed: false);
        Task LearnFromTheAddedNode(TimeSpan delay, CancellationToken cancellation)
        {
            _waited.Add(delay);
            addresses.Add([new PeerAddress(new IPEndPoint(IPAddress.Parse("11.1.2.3"), 8333), 9, _clock.GetUtcNow())], IPAddress.Parse("12.1.2.3"), TimeSpan.Zero);
            return Task.CompletedTask;
        }

        var outcome = await SeedAsync(addresses, ChainKind.Main, dnsSeed: false, hasAddedNodes: true, wait: LearnFromTheAddedNode);

        _waited.Should().Equal(AddressSeeder.FixedSeedsDelay);
        outcome.FixedAdded.Should().Be(0);
        addresses.Count.Should().Be(1);
    }

    [Fact]
    public async Task Fixedseeds_0_leaves_the_manager_empty_when_no_dns_seed_answers()
    {
        var addresses = new AddressManager(_clock, localAllowed: false);

        var outcome = await SeedAsync(addresses, ChainKind.Main, fixedSeeds: false);

        outcome.FixedAdded.Should().Be(0);
        outcome.DnsError.Should().NotBeNull();
        addresses.Count.Should().Be(0);
    }

    [Fact]
    public async Task Dns_answers_are_added_at_the_default_port_three_to_seven_days_old_and_the_fixed_seeds_are_not_needed()
    {
        var addresses = new AddressManager(_clock, localAllowed: false);
        Task<IPAddress[]> Resolve(string host, CancellationToken cancellation) => host == "seed.bitcoin.sipa.be"
            ? Task.FromResult(new[] { IPAddress.Parse("11.1.2.3"), IPAddress.Parse("2001:4860::8888") })
            : NoNetwork(host, cancellation);

        var outcome = await SeedAsync(addresses, ChainKind.Main, resolve: Resolve);

        outcome.DnsAddresses.Should().Be(2);
        outcome.DnsError.Should().BeNull();
        outcome.FixedAdded.Should().Be(0);
        var known = addresses.GetAddresses(0, 0, null, new Random(2));
        known.Select(a => a.EndPoint.ToString()).Should().BeEquivalentTo("11.1.2.3:8333", "[2001:4860::8888]:8333");
        known.Should().OnlyContain(a => a.Time <= _clock.GetUtcNow() - TimeSpan.FromDays(3) && a.Time > _clock.GetUtcNow() - TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task Regtest_has_no_seeds_at_all()
    {
        var addresses = new AddressManager(_clock, localAllowed: true);

        var outcome = await SeedAsync(addresses, ChainKind.Regtest);

        _asked.Should().BeEmpty();
        outcome.FixedAdded.Should().Be(0);
        addresses.Count.Should().Be(0);
    }
}
