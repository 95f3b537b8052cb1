using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Drivechain.Node.Mempool;
using Drivechain.Node.Mining;
using Drivechain.Node.Rpc;
using Drivechain.Node.Rpc.Methods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Drivechain.Benchmarks.Node;

/// <summary>
/// Mempool acceptance throughput: 1000 independent signed P2WPKH spends offered to an empty pool (fresh pool and
/// script cache per operation), directly and as sendrawtransaction / testmempoolaccept JSON-RPC calls (dispatcher,
/// no HTTP). Reported per transaction.
/// </summary>
[MemoryDiagnoser]
public class MempoolAcceptBenchmarks
{
    private const int Count = 1000;
    private RegtestNodeSetup _setup = null!;
    private byte[][] _sendRequests = null!;
    private byte[][] _testRequests = null!;

    [GlobalSetup]
    public void Setup()
    {
        _setup = new RegtestNodeSetup(Count);
        _sendRequests = _setup.Spends.Select(tx => Request("sendrawtransaction", new JsonArray(tx.ToHex()))).ToArray();
        _testRequests = _setup.Spends.Select(tx => Request("testmempoolaccept", new JsonArray(new JsonArray(tx.ToHex())))).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _setup.Dispose();

    private static byte[] Request(string method, JsonArray parameters) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["method"] = method, ["params"] = parameters, ["id"] = 1 }.ToJsonString());

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int AcceptToMempool()
    {
        var mempool = _setup.NewMempool();
        foreach (var tx in _setup.Spends) mempool.Accept(tx, testOnly: false);
        return mempool.Pool.Count;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<int> SendRawTransactionRpc()
    {
        var dispatcher = Dispatcher(out var mempool);
        foreach (var request in _sendRequests) await dispatcher.DispatchAsync(request, CancellationToken.None);
        return mempool.Pool.Count;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<int> TestMempoolAcceptRpc()
    {
        var dispatcher = Dispatcher(out _);
        var ok = 0;
        foreach (var request in _testRequests)
            if ((await dispatcher.DispatchAsync(request, CancellationToken.None)).StatusCode == 200) ok++;
        return ok;
    }

    private RpcDispatcher Dispatcher(out NodeMempool mempool)
    {
        var s = _setup.Services;
        mempool = _setup.NewMempool();
        var context = new NodeRpcContext(_setup.Node, mempool, s.GetRequiredService<BlockMiner>(), s.GetRequiredService<BlockAssembler>(),
            s.GetRequiredService<MinerPolicy>());
        return new RpcDispatcher(new RpcMethodTable([new MempoolRpcMethods(context)]), NullLogger<RpcDispatcher>.Instance);
    }
}
