using Drivechain.Node.Dashboard;

namespace Drivechain.Dashboard.Tests;

public sealed class DashboardEventsTests
{
    private static DashboardEvent Tip(int height) => new("connected", height, $"hash{height}", height, 0);

    [Fact]
    public async Task Browser_that_keeps_up_receives_every_event_in_order()
    {
        var events = new DashboardEvents();
        var client = events.Subscribe();

        for (var h = 1; h <= 3; h++) events.Publish(Tip(h));

        for (var h = 1; h <= 3; h++) (await client.Reader.ReadAsync()).Height.Should().Be(h);
        events.Last!.Height.Should().Be(3);
        events.ClientCount.Should().Be(1);
    }

    [Fact]
    public async Task Browser_that_falls_behind_is_dropped_and_the_others_keep_receiving()
    {
        var events = new DashboardEvents();
        var slow = events.Subscribe();
        var fast = events.Subscribe();

        for (var h = 1; h <= DashboardEvents.ClientCapacity + 1; h++)
        {
            events.Publish(Tip(h));                          // never waits, even with the slow buffer full
            (await fast.Reader.ReadAsync()).Height.Should().Be(h);
        }

        events.DroppedCount.Should().Be(1);
        events.ClientCount.Should().Be(1);
        var buffered = new List<int>();
        await foreach (var e in slow.Reader.ReadAllAsync()) buffered.Add(e.Height);
        buffered.Should().Equal(Enumerable.Range(1, DashboardEvents.ClientCapacity), "the dropped browser's stream ends after what it had");
    }
}
