using System.Diagnostics;

namespace Drivechain.Node.Tests.EndToEnd;

/// <summary>The real executable's behaviour on bad settings: one clear line on stderr and exit code 1.</summary>
public sealed class NodeCommandLineTests
{
    private static async Task<(int ExitCode, string StdErr)> Run(params string[] args)
    {
        using var process = Process.Start(NodeProcess.StartInfo(args))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await stdout;
        return (process.ExitCode, await stderr);
    }

    [Fact]
    public async Task Two_chains_exit_1_with_one_line()
    {
        var dir = Path.Combine(Path.GetTempPath(), "drivechain-cli-tests", Guid.NewGuid().ToString("N"));

        var (exitCode, stderr) = await Run("node", "--regtest", "--signet", "--datadir", dir, "--rpcport", "0");

        exitCode.Should().Be(1);
        stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("Error: invalid settings: invalid chain selection");
    }

    [Fact]
    public async Task A_non_numeric_port_exits_1_with_one_line()
    {
        var dir = Path.Combine(Path.GetTempPath(), "drivechain-cli-tests", Guid.NewGuid().ToString("N"));

        var (exitCode, stderr) = await Run("node", "--regtest", "--datadir", dir, "--rpcport", "abc");

        exitCode.Should().Be(1);
        stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("Error: invalid setting");
    }

    [Fact]
    public async Task A_taken_rpc_port_exits_1_naming_the_address()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var dir = Path.Combine(Path.GetTempPath(), "drivechain-cli-tests", Guid.NewGuid().ToString("N"));

        var (exitCode, stderr) = await Run("node", "--regtest", "--datadir", dir, "--rpcport", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        exitCode.Should().Be(1);
        stderr.Should().Contain($"127.0.0.1:{port}");
    }
}
