using System.Net;
using Drivechain.Node.P2P;

namespace Drivechain.Node.Tests.P2P;

public sealed class BanListTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("drivechain-banlist-").FullName;
    private readonly SettableClock _clock = new(DateTimeOffset.UnixEpoch.AddDays(20_000));

    [Theory]
    [InlineData("1.2.3.4", "1.2.3.4/32")]
    [InlineData("1.2.3.4/24", "1.2.3.0/24")]
    [InlineData("1.2.3.4/255.255.0.0", "1.2.0.0/16")]
    [InlineData("::ffff:10.0.0.1", "10.0.0.1/32")]
    [InlineData("2001:db8::1/32", "2001:db8::/32")]
    public void Subnets_parse_as_core_and_print_with_their_prefix(string text, string expected)
    {
        BanList.TryParseSubnet(text, out var subnet).Should().BeTrue();
        BanList.Format(subnet).Should().Be(expected);
    }

    [Theory]
    [InlineData("not-an-ip")]
    [InlineData("1.2.3.4/33")]
    [InlineData("1.2.3.4/255.0.255.0")]
    public void Bad_subnets_are_refused(string text) => BanList.TryParseSubnet(text, out _).Should().BeFalse();

    [Fact]
    public void A_ban_covers_its_subnet_until_it_expires_and_persists_in_cores_format()
    {
        var path = Path.Combine(_dir, "banlist.json");
        var bans = new BanList(path, _clock);
        BanList.TryParseSubnet("10.0.0.0/8", out var subnet).Should().BeTrue();
        bans.Ban(subnet, _clock.GetUtcNow().AddHours(1)).Should().BeTrue();
        bans.Ban(subnet, _clock.GetUtcNow().AddHours(2)).Should().BeFalse();
        bans.IsBanned(IPAddress.Parse("10.9.8.7")).Should().BeTrue();
        bans.IsBanned(IPAddress.Parse("11.0.0.1")).Should().BeFalse();
        File.ReadAllText(path).Should().Contain("\"banned_nets\"").And.Contain("\"10.0.0.0/8\"");

        var reloaded = new BanList(path, _clock);
        reloaded.Load().Should().BeNull();
        reloaded.List().Should().ContainSingle().Which.Subnet.Should().Be(subnet);

        _clock.Advance(TimeSpan.FromHours(1));
        reloaded.IsBanned(IPAddress.Parse("10.9.8.7")).Should().BeFalse();
        reloaded.List().Should().BeEmpty();
    }

    [Fact]
    public void Discouraged_addresses_are_remembered_until_clearbanned()
    {
        var bans = new BanList(Path.Combine(_dir, "banlist.json"), _clock);
        bans.Discourage(IPAddress.Parse("::ffff:192.0.2.1"));
        bans.IsDiscouraged(IPAddress.Parse("192.0.2.1")).Should().BeTrue();
        bans.IsBanned(IPAddress.Parse("192.0.2.1")).Should().BeFalse();
        bans.Clear();
        bans.IsDiscouraged(IPAddress.Parse("192.0.2.1")).Should().BeFalse();
    }

    [Fact]
    public void An_unreadable_ban_list_is_reported_and_leaves_no_bans()
    {
        var path = Path.Combine(_dir, "banlist.json");
        File.WriteAllText(path, "{ not json");
        var bans = new BanList(path, _clock);
        bans.Load().Should().NotBeNull();
        bans.List().Should().BeEmpty();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
