using Drivechain.Node.Tests.EndToEnd;

namespace Drivechain.Node.Tests.Hosting;

/// <summary>The chain chosen in drivechain.conf (Core's regtest=1 / chain=…), run through the real executable.</summary>
public sealed class ConfFileChainSelectionTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-conf-").FullName;

    [Theory]
    [InlineData("regtest=1")]
    [InlineData("chain=regtest")]
    public async Task A_chain_chosen_only_in_the_conf_file_is_the_one_the_node_runs_on(string line)
    {
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "drivechain.conf"), line + "\nnosuchsetting=1\n");
        var empty = Path.Combine(_dataDir, "empty.dat");
        await File.WriteAllBytesAsync(empty, []);

        var (exitCode, output) = await NodeProcess.RunToExitAsync(_dataDir, "--loadblock", empty, "--stopafterblockimport");

        exitCode.Should().Be(0, output);
        output.Should().Contain("node starting on regtest");
        output.Should().Contain("Ignoring unknown setting 'nosuchsetting'");
        Directory.Exists(Path.Combine(_dataDir, "regtest", "blocks")).Should().BeTrue();
        File.Exists(Path.Combine(_dataDir, "chainstate.sqlite")).Should().BeFalse("nothing is written for mainnet");
    }

    [Fact]
    public async Task A_conf_file_chain_that_conflicts_with_the_command_line_is_an_error()
    {
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "drivechain.conf"), "regtest=1\n");

        var (exitCode, output) = await NodeProcess.RunToExitAsync(_dataDir, "--signet");

        exitCode.Should().Be(1);
        output.Should().Contain("invalid chain selection");
        Directory.Exists(Path.Combine(_dataDir, "signet")).Should().BeFalse();
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
