using System.Net;
using Drivechain.Node.P2P;

namespace Drivechain.Node.Tests.P2P;

public sealed class NetWhitelistTests
{
    [Fact]
    public void A_bare_subnet_gets_cores_implicit_noban_relay_mempool_for_inbound_peers_only()
    {
        var entry = NetWhitelist.TryParse("10.0.0.0/8", bind: false, out var error)!;
        error.Should().BeNull();
        entry.Permissions.Should().Be(NetPermissions.NoBan | NetPermissions.Relay | NetPermissions.Mempool);
        entry.Permissions.HasFlag(NetPermissions.Download).Should().BeTrue("noban implies download");
        NetWhitelist.For([entry], IPAddress.Parse("10.1.2.3"), null, inbound: true).Should().Be(entry.Permissions);
        NetWhitelist.For([entry], IPAddress.Parse("::ffff:10.1.2.3"), null, inbound: true).Should().Be(entry.Permissions);
        NetWhitelist.For([entry], IPAddress.Parse("11.1.2.3"), null, inbound: true).Should().Be(NetPermissions.None);
        NetWhitelist.For([entry], IPAddress.Parse("10.1.2.3"), null, inbound: false).Should().Be(NetPermissions.None);
    }

    [Fact]
    public void Named_permissions_single_addresses_and_whitebind_ports_parse_and_bad_values_say_why()
    {
        var addr = NetWhitelist.TryParse("addr,out@127.0.0.1", bind: false, out _)!;
        addr.Permissions.Should().Be(NetPermissions.Addr);
        (addr.Inbound, addr.Outbound).Should().Be((false, true));
        var bind = NetWhitelist.TryParse("noban@127.0.0.1:18445", bind: true, out _)!;
        NetWhitelist.For([bind], IPAddress.Loopback, IPEndPoint.Parse("127.0.0.1:18445"), inbound: true).Should().Be(NetPermissions.NoBan);
        NetWhitelist.For([bind], IPAddress.Loopback, IPEndPoint.Parse("127.0.0.1:18444"), inbound: true).Should().Be(NetPermissions.None);

        NetWhitelist.TryParse("sudo@127.0.0.1", bind: false, out var error).Should().BeNull();
        error.Should().Contain("Invalid P2P permission: 'sudo'");
        NetWhitelist.TryParse("noban@127.0.0.1", bind: true, out error).Should().BeNull();
        error.Should().Contain("Need to specify a port");
        NetWhitelist.TryParse("not-an-ip", bind: false, out error).Should().BeNull();
        error.Should().Contain("Invalid netmask");
    }
}
