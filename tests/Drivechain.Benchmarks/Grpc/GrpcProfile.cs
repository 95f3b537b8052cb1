using Drivechain.Testing;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Drivechain.Bitcoin.Addresses;
using Drivechain.Node.Chain.Tip;
using Drivechain.Node.Grpc;
using Drivechain.Node.Grpc.Protos.Common.V1;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mining;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Drivechain.Benchmarks.Grpc;

/// <summary>
/// <c>grpc-profile [blocks] [calls] [events]</c>: a real regtest node host in this process and a real Grpc.Net.Client over
/// loopback HTTP/2. Measures GetBlockInfo(max_ancestors = 999) throughput, and SubscribeEvents latency from block connect
/// (the moment the node publishes the tip change, seen by an in-process tip subscriber) to the event at the client.
/// </summary>
internal static class GrpcProfile
{
    public const string CommandName = "grpc-profile";

    public static int Run(string[] args, TextWriter output) => RunAsync(args, output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var blocks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1100;
        var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var events = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
        var dataDir = Directory.CreateTempSubdirectory("dc-grpc-profile-").FullName;
        var configuration = NodeConfiguration.Build(new Dictionary<string, string?>
        {
            ["regtest"] = "true", ["datadir"] = dataDir, ["rpcport"] = "0", ["listen"] = "0", ["dashboard"] = "0",
        }, environment: new Dictionary<string, string>());
        using var host = NodeHost.CreateBuilder(configuration).Build();
        try
        {
            await host.StartAsync();
            await host.Services.GetRequiredService<NodeReadiness>().WhenReady;
            var node = host.Services.GetRequiredService<NodeChain>();
            var miner = host.Services.GetRequiredService<BlockMiner>();
            var payTo = Address.Parse("bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080", global::Drivechain.Bitcoin.Networks.Network.Regtest).ScriptPubKey;
            Task MineAsync()
            {
                using (node.EnterLock())
                {
                    miner.FollowTip();
                    miner.MineOne(payTo, 1_000_000);
                }
                return Task.CompletedTask;
            }
            for (var i = 0; i < blocks; i++) await MineAsync();
            using var channel = GrpcChannel.ForAddress(host.Services.GetRequiredService<GrpcServer>().Address!,
                new GrpcChannelOptions { MaxReceiveMessageSize = 64 << 20 });
            var validator = new ValidatorService.ValidatorServiceClient(channel);

            // GetBlockInfo(tip, max_ancestors = 999): 1000 blocks per call.
            var request = new GetBlockInfoRequest { BlockHash = new ReverseHex { Hex = node.Chain.Tip.Hash.ToString() }, SidechainId = 0, MaxAncestors = 999 };
            var first = await validator.GetBlockInfoAsync(request);
            var watch = Stopwatch.StartNew();
            var latencies = new List<double>();
            for (var i = 0; i < calls; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await validator.GetBlockInfoAsync(request);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            watch.Stop();
            output.WriteLine($"GetBlockInfo(max_ancestors=999): {first.Infos.Count} blocks per call, {calls} calls in {watch.Elapsed.TotalSeconds:F2} s = " +
                $"{calls / watch.Elapsed.TotalSeconds:F1} calls/s ({first.Infos.Count * calls / watch.Elapsed.TotalSeconds:F0} blocks/s); " +
                $"latency p50 {Figures.Percentile(latencies, 0.50):F2} ms, p99 {Figures.Percentile(latencies, 0.99):F2} ms, response {first.CalculateSize()} bytes");

            // SubscribeEvents: connect (in-process tip subscriber) → event at the gRPC client.
            var connectedAt = new ConcurrentDictionary<string, long>();
            using var tips = node.Chain.SubscribeTipChanges("grpc-profile", out _, out _);
            var watcher = Task.Run(async () =>
            {
                await foreach (var change in tips.Reader.ReadAllAsync())
                    if (change is TipChange.Connected c) connectedAt[c.Index.Hash.ToString()] = Stopwatch.GetTimestamp();
            });
            using var call = validator.SubscribeEvents(new SubscribeEventsRequest { SidechainId = 0 });
            await call.ResponseHeadersAsync;
            var eventLatencies = new List<double>();
            for (var i = 0; i < events; i++)
            {
                await MineAsync();
                if (!await call.ResponseStream.MoveNext(CancellationToken.None)) throw new InvalidOperationException("the event stream ended");
                var received = Stopwatch.GetTimestamp();
                var hash = call.ResponseStream.Current.Event.ConnectBlock.HeaderInfo.BlockHash.Hex;
                while (!connectedAt.ContainsKey(hash)) await Task.Yield();
                eventLatencies.Add(Stopwatch.GetElapsedTime(connectedAt[hash], received).TotalMilliseconds);
            }
            output.WriteLine($"SubscribeEvents: {events} blocks, connect → client event p50 {Figures.Percentile(eventLatencies, 0.50):F3} ms, " +
                $"p99 {Figures.Percentile(eventLatencies, 0.99):F3} ms, max {eventLatencies.Max():F3} ms");
            tips.Dispose();
            await watcher;
            call.Dispose();       // end the open stream, or the host waits for it on stop
            channel.Dispose();
            await host.StopAsync();
            return 0;
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
