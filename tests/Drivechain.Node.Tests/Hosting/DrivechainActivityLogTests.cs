using Drivechain.Consensus.Messages;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mining;
using Microsoft.Extensions.DependencyInjection;
using Drivechain.Node.Tests.P2P;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Tests.Hosting;

/// <summary>
/// The activity log while catching up: blocks older than a day (Core's maximum tip age) log their events at Debug and
/// one Information summary per stretch; the first recent block closes the stretch and logs its own events at Information.
/// </summary>
public sealed class DrivechainActivityLogTests : IDisposable
{
    private readonly InMemoryNode _node = new();
    private readonly CapturingLoggerProvider _capture = new();
    private readonly SettableClock _clock = new(DateTimeOffset.UtcNow + TimeSpan.FromDays(2));   // the blocks mined first are two days old

    [Fact]
    public async Task Old_blocks_are_summarised_and_a_recent_block_logs_its_events()
    {
        using var loggers = LoggerFactory.Create(b => b.AddProvider(_capture).SetMinimumLevel(LogLevel.Debug));
        using var activity = new DrivechainActivityLog(_node.Node, _clock, loggers.CreateLogger<DrivechainActivityLog>());
        var subscribers = _node.Chain.TipChanges.SubscriberCount;
        await activity.StartAsync(CancellationToken.None);
        await WaitForAsync(() => _node.Chain.TipChanges.SubscriberCount > subscribers);
        var policy = _node.Services.GetRequiredService<MinerPolicy>();

        _node.Mine(2);
        policy.QueueProposal(new M1ProposeSidechain(7, [.. "old"u8]));
        _node.Mine(1);
        // The log judges a block's age when it reads the change: move the clock only once block 3 has been read.
        await WaitForAsync(() => _capture.Lines.Any(l => l.Contains("in slot 7", StringComparison.Ordinal)));
        _clock.Advance(TimeSpan.FromDays(-2));
        policy.QueueProposal(new M1ProposeSidechain(8, [.. "new"u8]));
        _node.Mine(1);

        await WaitForAsync(() => _capture.Lines.Any(l => l.Contains("in slot 8", StringComparison.Ordinal)));
        var lines = _capture.Lines.Where(l => l.Contains(nameof(DrivechainActivityLog), StringComparison.Ordinal)).ToList();
        lines.Should().ContainSingle(l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains(
            "Drivechain activity in blocks 1-3: 1 sidechains proposed, 0 activated, 0 deposits, 0 bundles proposed, 0 expired, 0 paid",
            StringComparison.Ordinal));
        lines.Should().ContainSingle(l => l.Contains("Sidechain proposed in slot 7", StringComparison.Ordinal))
            .Which.Should().StartWith("Debug", "an old block's events go to Debug");
        lines.Should().ContainSingle(l => l.Contains("Sidechain proposed in slot 8", StringComparison.Ordinal))
            .Which.Should().StartWith("Information", "a recent block's events are logged as they happen");
        lines.FindIndex(l => l.Contains("blocks 1-3", StringComparison.Ordinal))
            .Should().BeLessThan(lines.FindIndex(l => l.Contains("in slot 8", StringComparison.Ordinal)), "the summary closes before block 4");

        await activity.StopAsync(CancellationToken.None);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the activity log did not get there in 30 s");
            await Task.Delay(10);
        }
    }

    public void Dispose() => _node.Dispose();
}
