using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Drivechain.Node.Hosting;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using static Drivechain.Node.Grpc.Protos.Mainchain.V1.SubscribeEventsResponse.Types.Event;

namespace Drivechain.Node.Tests.Grpc;

/// <summary>SubscribeEvents on the tip-change stream (spec §3): no replay, chain order across a reorg, slow subscribers dropped.</summary>
public sealed class SubscribeEventsTests : IAsyncLifetime
{
    private const string OtherAddress = "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080";
    private GrpcScenario _s = null!;

    public async Task InitializeAsync() => _s = await GrpcScenario.StartAsync(blocks: 101, new Dictionary<string, string?> { ["grpceventbuffer"] = "16" });

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task A_reorg_streams_disconnects_newest_first_then_the_new_blocks_without_replaying_history()
    {
        using var call = _s.Validator.SubscribeEvents(new SubscribeEventsRequest { SidechainId = 0 });
        await call.ResponseHeadersAsync;
        var old = (await _s.Mine(3)).Select(h => h!.GetValue<string>()).ToList();
        var events = await Read(call, 3);

        await _s.Rpc.CallAsync("invalidateblock", old[0]);
        var replacement = (await _s.Rpc.CallAsync("generatetoaddress", 4, OtherAddress))!.AsArray().Select(h => h!.GetValue<string>()).ToList();
        events.AddRange(await Read(call, 3 + 4));

        events.Select(Describe).Should().Equal(
        [
            .. old.Select(h => $"connect {h}"),
            .. Enumerable.Reverse(old).Select(h => $"disconnect {h}"),
            .. replacement.Select(h => $"connect {h}"),
        ]);
        events[0].ConnectBlock.HeaderInfo.Height.Should().Be(102);   // nothing from before the subscription
        events[^1].ConnectBlock.HeaderInfo.Height.Should().Be(105);
    }

    [Fact]
    public async Task A_subscriber_that_stops_reading_is_dropped_with_resource_exhausted_and_the_node_keeps_mining()
    {
        var tipChanges = _s.Node.Node.Host.Services.GetRequiredService<NodeChain>().Chain.TipChanges;
        var before = tipChanges.SubscriberCount;
        using var slow = _s.Validator.SubscribeEvents(new SubscribeEventsRequest { SidechainId = 0 });
        using var otherConnection = global::Grpc.Net.Client.GrpcChannel.ForAddress(_s.Channel.Target.StartsWith("http", StringComparison.Ordinal) ? _s.Channel.Target : $"http://{_s.Channel.Target}");
        using var healthy = new ValidatorService.ValidatorServiceClient(otherConnection).SubscribeEvents(new SubscribeEventsRequest { SidechainId = 0 });
        await slow.ResponseHeadersAsync;
        await healthy.ResponseHeadersAsync;
        await _s.Mine(1);
        (await Read(slow, 1)).Should().ContainSingle();
        tipChanges.SubscriberCount.Should().Be(before + 2);

        var mined = 1;
        var healthyEvents = 1;
        (await Read(healthy, 1)).Should().ContainSingle();
        while (tipChanges.SubscriberCount > before + 1 && mined < 5000)   // the slow one reads nothing from here on
        {
            await _s.Mine(1);
            mined++;
            healthyEvents += (await Read(healthy, 1)).Count;
        }

        tipChanges.SubscriberCount.Should().Be(before + 1, "the slow subscriber was dropped, the healthy one kept");
        var error = await Assert.ThrowsAsync<RpcException>(async () => { while (await slow.ResponseStream.MoveNext(CancellationToken.None)) { } });
        error.StatusCode.Should().Be(StatusCode.ResourceExhausted);
        error.Status.Detail.Should().Contain("dropped").And.Contain("resubscribe");
        healthyEvents.Should().Be(mined);
    }

    [Fact]
    public async Task Subscribing_without_a_sidechain_id_is_invalid_argument()
    {
        using var call = _s.Validator.SubscribeEvents(new SubscribeEventsRequest());

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        error.StatusCode.Should().Be(StatusCode.InvalidArgument);
        error.Status.Detail.Should().Contain("sidechain_id");
    }

    private static string Describe(SubscribeEventsResponse.Types.Event e) => e.EventCase == EventOneofCase.ConnectBlock
        ? $"connect {e.ConnectBlock.HeaderInfo.BlockHash.Hex}"
        : $"disconnect {e.DisconnectBlock.BlockHash.Hex}";

    private static async Task<List<SubscribeEventsResponse.Types.Event>> Read(AsyncServerStreamingCall<SubscribeEventsResponse> call, int count)
    {
        var events = new List<SubscribeEventsResponse.Types.Event>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (events.Count < count && await call.ResponseStream.MoveNext(timeout.Token)) events.Add(call.ResponseStream.Current.Event);
        return events;
    }
}
