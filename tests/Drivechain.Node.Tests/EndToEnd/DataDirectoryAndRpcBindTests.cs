namespace Drivechain.Node.Tests.EndToEnd;

/// <summary>Start-up safety through the real executable: the data directory lock, file modes and RPC exposure.</summary>
public sealed class DataDirectoryAndRpcBindTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-startup-").FullName;

    [Fact]
    public async Task A_second_node_on_the_same_data_directory_stops_without_touching_the_running_nodes_cookie()
    {
        await using var first = await NodeProcess.StartAsync(_dataDir);
        var cookiePath = Path.Combine(_dataDir, "regtest", ".cookie");
        var cookie = await File.ReadAllTextAsync(cookiePath);

        var (exitCode, output) = await NodeProcess.RunToExitAsync(_dataDir, "--regtest");

        exitCode.Should().Be(1);
        output.Should().Contain($"Cannot obtain a lock on data directory {Path.Combine(_dataDir, "regtest")}");
        (await File.ReadAllTextAsync(cookiePath)).Should().Be(cookie);
        (await first.Rpc.CallAsync("getblockcount"))!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Files_the_node_creates_are_readable_by_its_owner_only()
    {
        await using var node = await NodeProcess.StartAsync(_dataDir);
        var chainDir = Path.Combine(_dataDir, "regtest");

        File.GetUnixFileMode(chainDir).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var file in new[] { ".cookie", "chainstate.sqlite", Path.Combine("blocks", "blk00000.dat") })
            File.GetUnixFileMode(Path.Combine(chainDir, file)).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, file);
    }

    [Fact]
    public async Task Rpcbind_to_every_interface_without_rpcallowip_is_ignored_and_rpc_stays_on_loopback()
    {
        await using var node = await NodeProcess.StartAsync(_dataDir, "--rpcbind", "0.0.0.0");

        await node.ShouldLogAsync("-rpcbind=0.0.0.0 was ignored because -rpcallowip was not specified");
        await node.ShouldLogAsync($"RPC server listening on http://127.0.0.1:{node.Port}/");
    }

    [Fact]
    public async Task Rpcbind_accepts_a_host_name_such_as_localhost()
    {
        await using var node = await NodeProcess.StartAsync(_dataDir, "--rpcbind", "localhost");

        (await node.Rpc.CallAsync("getblockcount"))!.GetValue<int>().Should().Be(0);
        node.Output.Should().NotContain("Exception");
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
