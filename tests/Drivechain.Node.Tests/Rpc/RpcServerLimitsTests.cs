using System.Net.Sockets;
using System.Text;

namespace Drivechain.Node.Tests.Rpc;

/// <summary>The RPC server's limits through the real executable: work queue, body size, idle-connection floods.</summary>
public sealed class RpcServerLimitsTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-rpclimits-").FullName;

    [Fact]
    public async Task Calls_beyond_rpcthreads_plus_rpcworkqueue_get_503_Work_queue_depth_exceeded_and_the_others_complete()
    {
        await using var node = await NodeProcess.StartAsync(_dataDir, "--rpcthreads", "1", "--rpcworkqueue", "1", "--rpcservertimeout", "120");
        var body = """{"method":"getblockcount","params":[],"id":1}""";
        // Three requests whose bodies arrive slowly: one holds the only thread, one waits in the queue, the third is
        // refused at once (whichever order the server sees them in).
        var clients = new List<TcpClient>();
        for (int i = 0; i < 3; i++) clients.Add(await SendPartialAsync(node, body));
        // Only once the server has refused one may the others finish: finished earlier, a held request could complete
        // before the server has even read the third one's headers, and then nothing is refused.
        await node.ShouldLogAsync("RPC work queue depth exceeded");

        foreach (var client in clients)
        {
            try
            {
                await FinishAsync(client, body);
            }
            catch (IOException)
            {
                // The refused connection may already be closed.
            }
        }
        var responses = new List<string>();
        foreach (var client in clients) responses.Add(await ReadResponseAsync(client));
        foreach (var client in clients) client.Dispose();

        responses.Should().ContainSingle(r => r.StartsWith("HTTP/1.1 503", StringComparison.Ordinal) && r.EndsWith("Work queue depth exceeded", StringComparison.Ordinal));
        responses.Where(r => r.StartsWith("HTTP/1.1 200", StringComparison.Ordinal)).Should().HaveCount(2)
            .And.AllSatisfy(r => r.Should().Contain("\"result\":0"));
    }

    [Fact]
    public async Task A_body_over_32_MiB_gets_413_with_one_log_line_and_no_stack_trace()
    {
        await using var node = await NodeProcess.StartAsync(_dataDir);
        var declared = new string(' ', 33 * 1024 * 1024);    // only the length is sent; Kestrel answers before the body

        using var client = await SendPartialAsync(node, declared);
        var response = await ReadResponseAsync(client);

        response.Should().StartWith("HTTP/1.1 413");
        (await node.Rpc.CallAsync("getblockcount"))!.GetValue<int>().Should().Be(0);
        await node.ShouldLogAsync("refused with HTTP 413");
        node.Output.Should().NotContain("   at ");
    }

    [Fact]
    public async Task The_node_keeps_answering_while_thousands_of_idle_connections_are_open()
    {
        await using var node = await NodeProcess.StartAsync(_dataDir);
        var idle = new List<TcpClient>();
        try
        {
            for (int i = 0; i < 2000; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", node.Port);
                idle.Add(client);
            }

            (await node.Rpc.CallAsync("getblockcount"))!.GetValue<int>().Should().Be(0);
        }
        finally
        {
            foreach (var client in idle) client.Dispose();
        }
    }

    [Fact]
    public async Task Reads_proceed_between_the_blocks_of_a_long_generatetoaddress()
    {
        await using var node = await NodeProcess.StartAsync(_dataDir);
        // Enough blocks that the native node (a few ms a block) is still mining when the reads start on their own connection.
        const int blocks = 1000;

        var generate = node.Rpc.CallAsync("generatetoaddress", blocks, RegtestScenario.Address);
        var seen = new HashSet<int>();
        while (!generate.IsCompleted)
            seen.Add((await node.Rpc.CallAsync("getblockcount"))!.GetValue<int>());
        await generate;

        // Had the call held the chain lock throughout, reads would only ever see 0 and the final height.
        seen.Should().Contain(h => h > 0 && h < blocks);
    }

    private static async Task<TcpClient> SendPartialAsync(NodeProcess node, string body)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", node.Port);
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes(await File.ReadAllTextAsync(Path.Combine(node.DataDir, "regtest", ".cookie"))));
        var head = $"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic {auth}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head + body[..1]));
        return client;
    }

    private static async Task FinishAsync(TcpClient client, string body) =>
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(body[1..]));

    private static async Task<string> ReadResponseAsync(TcpClient client)
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!text.ToString().Contains("\"id\":1", StringComparison.Ordinal) && !text.ToString().StartsWith("HTTP/1.1 4", StringComparison.Ordinal)
               && !text.ToString().EndsWith("Work queue depth exceeded", StringComparison.Ordinal))
        {
            int n = await client.GetStream().ReadAsync(buffer, timeout.Token);
            if (n == 0) break;
            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        return text.ToString();
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
