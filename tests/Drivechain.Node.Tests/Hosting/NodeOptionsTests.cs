using Drivechain.Node.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Tests.Hosting;

public sealed class NodeOptionsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "drivechain-options-tests", Guid.NewGuid().ToString("N"));

    public NodeOptionsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private NodeOptions Bind(Dictionary<string, string?> cli, Dictionary<string, string>? env = null)
    {
        cli.TryAdd("datadir", _dir);
        var configuration = NodeConfiguration.Build(cli, env ?? new Dictionary<string, string>());
        var services = new ServiceCollection();
        services.AddOptions<NodeOptions>().Bind(configuration).AddNodeOptionsValidation();
        return services.BuildServiceProvider().GetRequiredService<IOptions<NodeOptions>>().Value;
    }

    [Theory]
    [InlineData("regtest", 18443, "regtest")]
    [InlineData("signet", 38332, "signet")]
    [InlineData("testnet4", 48332, "testnet4")]
    [InlineData("mainnet", 8332, "")]
    public void Chain_flag_selects_Core_port_and_data_subdirectory(string flag, int port, string subdirectory)
    {
        var options = Bind(new() { [flag] = "true" });

        options.EffectiveRpcPort.Should().Be(port);
        options.ChainDataDirectory.Should().Be(Path.Combine(_dir, subdirectory).TrimEnd('/'));
        options.CookieFilePath.Should().Be(Path.Combine(options.ChainDataDirectory, ".cookie"));
    }

    [Fact]
    public void Without_a_chain_flag_the_node_runs_mainnet_on_loopback()
    {
        var options = Bind(new());

        options.ResolveChain().Should().Be(ChainKind.Main);
        options.RpcBind.Should().Be("127.0.0.1");
        options.UsesCookie.Should().BeTrue();
    }

    [Theory]
    [InlineData(null, 450L << 20)]
    [InlineData("100", 100L << 20)]
    [InlineData("1", 4L << 20)]
    public void Dbcache_is_in_MiB_with_Cores_default_of_450_and_least_of_4(string? dbcache, long bytes)
    {
        var cli = new Dictionary<string, string?>();
        if (dbcache is not null) cli["dbcache"] = dbcache;

        var options = Bind(cli);

        options.DbCacheBytes.Should().Be(bytes);
    }

    [Fact]
    public void Two_chain_flags_fail_validation_with_one_clear_message()
    {
        var act = () => Bind(new() { ["regtest"] = "1", ["signet"] = "1" });

        act.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().ContainSingle().Which.Should().Contain("invalid chain selection");
    }

    [Fact]
    public void Password_without_user_fails_validation()
    {
        var act = () => Bind(new() { ["regtest"] = "1", ["rpcpassword"] = "secret" });

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("rpcuser is not");
    }

    [Fact]
    public void Port_out_of_range_fails_validation()
    {
        var act = () => Bind(new() { ["regtest"] = "1", ["rpcport"] = "70000" });

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("rpcport");
    }

    [Fact]
    public void Command_line_beats_environment_which_beats_the_conf_file()
    {
        File.WriteAllText(Path.Combine(_dir, "drivechain.conf"), "regtest=1\nrpcport=1111\nrpcuser=fromconf\nrpcpassword=p\nrpcbind=127.0.0.2\n");
        var env = new Dictionary<string, string> { ["DRIVECHAIN_RPCPORT"] = "2222", ["DRIVECHAIN_RPCUSER"] = "fromenv" };

        var options = Bind(new() { ["rpcport"] = "3333" }, env);

        options.ResolveChain().Should().Be(ChainKind.Regtest);
        options.RpcPort.Should().Be(3333);
        options.RpcUser.Should().Be("fromenv");
        options.RpcBind.Should().Be("127.0.0.2");
        options.UsesCookie.Should().BeFalse();
    }

    [Fact]
    public void Conf_file_chain_section_applies_only_to_that_chain()
    {
        File.WriteAllText(Path.Combine(_dir, "drivechain.conf"), "# comment\nrpcport=1111\n[regtest]\nrpcport=1234\n[signet]\nrpcport=5678\n");

        Bind(new() { ["regtest"] = "1" }).RpcPort.Should().Be(1234);
        Bind(new() { ["signet"] = "1" }).RpcPort.Should().Be(5678);
        Bind(new() { ["testnet4"] = "1" }).RpcPort.Should().Be(1111);
    }

    [Fact]
    public void Malformed_conf_line_is_reported_with_file_and_line()
    {
        var act = () => ConfFile.Parse("ok=1\n=broken\n", "drivechain.conf");

        act.Should().Throw<FormatException>().WithMessage("drivechain.conf:2:*");
    }

    [Theory]
    [InlineData("regtest", true, 19443)]
    [InlineData("signet", true, 39332)]
    [InlineData("testnet4", false, 49332)]
    [InlineData("mainnet", false, 9332)]
    public void Dashboard_is_on_for_regtest_and_signet_on_the_rpc_port_plus_1000(string chain, bool enabled, int port)
    {
        var options = Bind(new() { [chain] = "1" });

        options.DashboardEnabled.Should().Be(enabled);
        options.EffectiveDashboardPort.Should().Be(port);
    }

    [Fact]
    public void Dashboard_settings_override_the_defaults_and_follow_a_free_rpc_port()
    {
        Bind(new() { ["regtest"] = "1", ["dashboard"] = "0" }).DashboardEnabled.Should().BeFalse();
        Bind(new() { ["mainnet"] = "1", ["dashboard"] = "1" }).DashboardEnabled.Should().BeTrue();
        Bind(new() { ["regtest"] = "1", ["dashboardport"] = "8080" }).EffectiveDashboardPort.Should().Be(8080);
        Bind(new() { ["regtest"] = "1", ["rpcport"] = "0" }).EffectiveDashboardPort.Should().Be(0);
        Bind(new() { ["regtest"] = "1", ["dashboardbind"] = "::1" }).DashboardBindAddress().Should().Be(System.Net.IPAddress.IPv6Loopback);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.10")]
    [InlineData("localhost")]
    public void Dashboard_bound_beyond_loopback_is_refused(string bind)
    {
        var act = () => Bind(new() { ["regtest"] = "1", ["dashboardbind"] = bind });

        act.Should().Throw<OptionsValidationException>().WithMessage("*dashboardbind must be a loopback address*");
    }
}
