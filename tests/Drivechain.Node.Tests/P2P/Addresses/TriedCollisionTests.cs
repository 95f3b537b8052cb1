using System.Net;
using Drivechain.Node.P2P.Addresses;

namespace Drivechain.Node.Tests.P2P.Addresses;

/// <summary>Core's test-before-evict: a tried-table collision waits for a test of the old entry instead of evicting it.</summary>
public sealed class TriedCollisionTests
{
    private static readonly IPAddress Source = IPAddress.Parse("8.8.8.8");
    private readonly SettableClock _clock = new(DateTimeOffset.Parse("2026-12-04T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly AddressManager _addresses;
    private readonly IPEndPoint _old, _new;

    public TriedCollisionTests()
    {
        _addresses = new AddressManager(_clock, localAllowed: false);
        _old = new IPEndPoint(IPAddress.Parse("11.1.0.1"), 8333);
        Add(_old);
        _addresses.Good(_old).Should().BeTrue();
        // Another address of the same /16 whose tried slot is the old one's (about one in 512 is).
        _new = Enumerable.Range(2, 60_000).Select(i => new IPEndPoint(IPAddress.Parse($"11.1.{i / 250}.{i % 250 + 1}"), 8333))
            .First(e => !e.Equals(_old) && _addresses.TriedSlotOf(e) == _addresses.TriedSlotOf(_old) && Add(e));
    }

    private bool Add(IPEndPoint endPoint) => _addresses.Add([new PeerAddress(endPoint, 9, _clock.GetUtcNow())], Source, TimeSpan.Zero) == 1;

    [Fact]
    public void A_colliding_good_address_stays_new_and_a_feeler_is_offered_the_old_one()
    {
        _addresses.Good(_new).Should().BeFalse("its tried slot is taken");
        _addresses.IsTried(_new).Should().BeFalse();
        _addresses.IsTried(_old).Should().BeTrue();
        _addresses.TriedCollisionCount.Should().Be(1);
        _addresses.SelectTriedCollision(new Random(1))!.Value.Address.EndPoint.Should().Be(_old);
    }

    [Fact]
    public void An_old_entry_that_connected_within_four_hours_is_kept_and_the_collision_dropped()
    {
        _clock.Advance(TimeSpan.FromHours(3));
        _addresses.Good(_new).Should().BeFalse();
        _addresses.Good(_old).Should().BeTrue("a feeler reached the old address");

        _addresses.ResolveCollisions();

        _addresses.TriedCollisionCount.Should().Be(0);
        _addresses.IsTried(_old).Should().BeTrue();
        _addresses.IsTried(_new).Should().BeFalse();
        _addresses.SelectTriedCollision(new Random(1)).Should().BeNull();
    }

    [Fact]
    public void An_old_entry_tested_without_success_for_a_minute_is_replaced()
    {
        _clock.Advance(TimeSpan.FromHours(5));
        _addresses.Good(_new).Should().BeFalse();
        _addresses.Attempt(_old, countFailure: true);   // the feeler to the old address is under way

        _addresses.ResolveCollisions();
        _addresses.TriedCollisionCount.Should().Be(1, "its test gets a minute");

        _clock.Advance(TimeSpan.FromSeconds(61));
        _addresses.ResolveCollisions();

        _addresses.TriedCollisionCount.Should().Be(0);
        _addresses.IsTried(_new).Should().BeTrue();
        _addresses.IsTried(_old).Should().NotBe(true, "the old entry went back to new (or out, when its new slot was taken)");
    }

    [Fact]
    public void A_collision_nobody_tested_within_forty_minutes_replaces_the_old_entry()
    {
        _clock.Advance(TimeSpan.FromHours(5));
        _addresses.Good(_new).Should().BeFalse();
        _clock.Advance(TimeSpan.FromMinutes(39));
        _addresses.ResolveCollisions();
        _addresses.TriedCollisionCount.Should().Be(1);

        _clock.Advance(TimeSpan.FromMinutes(2));
        _addresses.ResolveCollisions();

        _addresses.IsTried(_new).Should().BeTrue();
        _addresses.TriedCollisionCount.Should().Be(0);
    }
}
