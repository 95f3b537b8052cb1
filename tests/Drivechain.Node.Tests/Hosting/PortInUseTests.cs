using System.Net;
using System.Net.Sockets;

namespace Drivechain.Node.Tests.Hosting;

/// <summary>An RPC port another program holds stops the node with one line, as Core's "Unable to bind" does.</summary>
public sealed class PortInUseTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-port-").FullName;

    [Fact]
    public async Task A_taken_rpc_port_stops_the_node_with_one_line_and_no_stack_trace()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var (exitCode, output) = await NodeProcess.RunToExitAsync(_dataDir, "--regtest", "--rpcport", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--dashboard", "0");

        exitCode.Should().Be(1);
        output.Should().Contain($"Error: Failed to bind to address http://127.0.0.1:{port}: address already in use.");
        output.Should().NotContain("   at ");
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
