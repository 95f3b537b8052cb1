using Drivechain.Node.Hosting;
using Drivechain.Node.P2P;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Tests.P2P;

/// <summary>The P2P options with Core's names and defaults, and the parsing of -bind and -connect values.</summary>
public class P2POptionsTests
{
    private static NodeOptions Bind(Dictionary<string, string?> cli)
    {
        cli.TryAdd("datadir", Path.GetTempPath());
        var services = new ServiceCollection();
        services.AddOptions<NodeOptions>().Bind(NodeConfiguration.Build(cli, new Dictionary<string, string>())).AddNodeOptionsValidation();
        return services.BuildServiceProvider().GetRequiredService<IOptions<NodeOptions>>().Value;
    }

    [Theory]
    [InlineData("regtest", 18444)]
    [InlineData("signet", 38333)]
    [InlineData("testnet4", 48333)]
    [InlineData("mainnet", 8333)]
    public void Each_chain_listens_on_cores_default_port_with_v2_on(string chain, int port)
    {
        var options = Bind(new() { [chain] = "true" });
        options.EffectiveP2pPort.Should().Be(port);
        options.EffectiveListen.Should().BeTrue();
        options.V2Transport.Should().BeTrue();
    }

    [Fact]
    public void Connect_turns_listening_off_unless_listen_is_given_and_repeated_values_are_kept()
    {
        var options = Bind(new() { ["regtest"] = "1", ["connect:0"] = "127.0.0.1:1", ["connect:1"] = "[::1]", ["port"] = "0", ["v2transport"] = "0" });
        options.Connect.Should().Equal("127.0.0.1:1", "[::1]");
        options.EffectiveListen.Should().BeFalse();
        options.EffectiveP2pPort.Should().Be(0);
        options.V2Transport.Should().BeFalse();
        Bind(new() { ["regtest"] = "1", ["connect:0"] = "127.0.0.1:1", ["listen"] = "1" }).EffectiveListen.Should().BeTrue();
    }

    [Theory]
    [InlineData("bind:0", "localhost")]
    [InlineData("bind:0", "127.0.0.1:99999")]
    [InlineData("connect:0", "127.0.0.1:")]
    [InlineData("connect:0", "[::1")]
    [InlineData("port", "70000")]
    public void Invalid_p2p_settings_stop_the_start_with_a_clear_message(string key, string value)
    {
        var bind = () => Bind(new() { ["regtest"] = "1", [key] = value });
        bind.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(key.Split(':')[0]);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", 18444)]
    [InlineData("127.0.0.1:5000", "127.0.0.1", 5000)]
    [InlineData("[::1]:5000", "::1", 5000)]
    [InlineData("::1", "::1", 18444)]
    [InlineData("example.org", "example.org", 18444)]
    public void Peer_addresses_split_into_host_and_port(string value, string host, int port)
    {
        PeerEndpoints.TrySplit(value, 18444, out var h, out var p).Should().BeTrue();
        (h, p).Should().Be((host, port));
    }

    [Fact]
    public void A_bind_without_a_port_takes_the_listening_port()
    {
        PeerEndpoints.TryParseBind("127.0.0.1", 18444, out var endPoint).Should().BeTrue();
        endPoint.Port.Should().Be(18444);
        PeerEndpoints.TryParseBind("[::1]:7000", 18444, out endPoint).Should().BeTrue();
        endPoint.Port.Should().Be(7000);
    }
}
