using System.Globalization;
using Drivechain.Testing.Bitcoind;

namespace Drivechain.Sidecar.Tests;

/// <summary><c>drivechain sidecar</c>'s bad options and a wrong Core: one clear line, exit code 1, never a secret in the output.</summary>
public sealed class SidecarCommandTests
{
    [Fact]
    public async Task Rpcuser_without_rpcpassword_exits_1_with_a_clear_error()
    {
        var (exitCode, output) = await SidecarProcess.RunToExitAsync("--regtest", "--rpcuser", "alice");

        exitCode.Should().Be(1);
        output.Should().Contain("--rpcuser and --rpcpassword go together");
    }

    [Fact]
    public async Task Missing_cookie_file_exits_1_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}", ".cookie");

        var (exitCode, output) = await SidecarProcess.RunToExitAsync("--regtest", "--rpccookiefile", missing);

        exitCode.Should().Be(1);
        output.Should().Contain("cannot read Core's cookie file").And.Contain(missing);
    }

    [Fact]
    public async Task Unparsable_rpcconnect_exits_1()
    {
        var (exitCode, output) = await SidecarProcess.RunToExitAsync("--regtest", "--rpcconnect", "127.0.0.1:notaport", "--rpcuser", "a", "--rpcpassword", "b");

        exitCode.Should().Be(1);
        output.Should().Contain("invalid --rpcconnect");
    }

    [BitcoindFact]
    public async Task Core_on_another_chain_is_a_fatal_error()
    {
        await using var core = await BitcoindProcess.StartAsync();
        using var dataDir = new TempDirectory();

        var (exitCode, output) = await SidecarProcess.RunToExitAsync("--signet", "--rpcconnect", Endpoint(core),
            "--rpcuser", CoreCredentials.User, "--rpcpassword", CoreCredentials.Password, "--datadir", dataDir.Path);

        exitCode.Should().Be(1);
        output.Should().Contain("is on chain 'regtest', not 'signet'");
    }

    [BitcoindFact]
    public async Task Wrong_credentials_are_a_fatal_error_that_does_not_print_the_password()
    {
        await using var core = await BitcoindProcess.StartAsync();
        using var dataDir = new TempDirectory();

        var (exitCode, output) = await SidecarProcess.RunToExitAsync("--regtest", "--rpcconnect", Endpoint(core),
            "--rpcuser", CoreCredentials.User, "--rpcpassword", "not-the-password-7f3a", "--datadir", dataDir.Path);

        exitCode.Should().Be(1);
        output.Should().Contain("wrong credentials?").And.NotContain("not-the-password-7f3a");
    }

    private static string Endpoint(BitcoindProcess core) => $"127.0.0.1:{core.RpcPort.ToString(CultureInfo.InvariantCulture)}";
}
