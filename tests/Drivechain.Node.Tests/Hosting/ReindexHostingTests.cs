using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;
using Drivechain.Node.Hosting;
using Drivechain.Node.Tests.Chain;
using Drivechain.Node.Tests.EndToEnd;
using Drivechain.Node.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Drivechain.Node.Tests.Hosting;

public sealed class ReindexHostingTests
{
    /// <summary>A data directory whose regtest chain holds <paramref name="blocks"/> blocks; returns the tip.</summary>
    private static UInt256 StoreChain(string dataDir, int blocks)
    {
        var builder = new TestChain(Network.Regtest);
        builder.MineMany(blocks);
        using var chain = ChainPersistenceTests.Open(Path.Combine(dataDir, "regtest"));
        foreach (var block in builder.Blocks) chain.SubmitBlock(block);
        return chain.Tip.Hash;
    }

    [Fact]
    public void Progress_is_logged_at_most_every_two_seconds_with_a_final_summary()
    {
        var capture = new CapturingLoggerProvider();
        var time = new ManualTimeProvider();
        var progress = new ChainLoadProgressLog(capture.CreateLogger("test"), time);

        foreach (var step in new[] { 0.0, 1.0, 0.9, 0.1, 1.0, 1.1 })
        {
            time.Advance(TimeSpan.FromSeconds(step));
            progress.Report(new ChainLoadProgress(ChainLoadPhase.Reindexing, 0, 3, 10, 9));
        }
        progress.Report(new ChainLoadProgress(ChainLoadPhase.Reindexing, 0, 3, 10, 9)
        {
            Rejected = new SubmitOutcome.Rejected(UInt256.Zero, Drivechain.Node.Chain.Validation.BlockRejection.Base("bad-cb-amount")),
        });
        time.Advance(TimeSpan.FromSeconds(1));
        progress.Report(new ChainLoadProgress(ChainLoadPhase.Reindexing, 3, 3, 12, 11, IsFinal: true) { Orphans = 1 });

        var lines = capture.Lines.ToList();
        lines.Should().HaveCount(5);
        lines[0].Should().StartWith("Information test: Reindex: rebuilding the chain state from 3 block files");
        lines.Count(l => l.Contains("Reindexing blocks: 0 of 3 files, height 9", StringComparison.Ordinal)).Should().Be(2);
        lines.Should().Contain(l => l.StartsWith("Warning test: Reindexing: block", StringComparison.Ordinal) && l.Contains("BASE bad-cb-amount", StringComparison.Ordinal));
        lines[^1].Should().Contain("Reindex done: 12 blocks from 3 files, tip height 11, 1 without parent, in 5.1 s")
            .And.Contain("Blocks=12").And.Contain("Height=11");
    }

    [Fact]
    public void The_final_import_report_says_what_the_base_and_drivechain_rules_cost()
    {
        var capture = new CapturingLoggerProvider();
        var time = new ManualTimeProvider();
        var progress = new ChainLoadProgressLog(capture.CreateLogger("test"), time);
        long ticks = System.Diagnostics.Stopwatch.Frequency;   // one second

        progress.Report(new ChainLoadProgress(ChainLoadPhase.Importing, 0, 1, 0, 0));
        time.Advance(TimeSpan.FromSeconds(4));
        progress.Report(new ChainLoadProgress(ChainLoadPhase.Importing, 1, 1, 20, 20, IsFinal: true)
        {
            Statistics = new ChainStatistics(20, 0, 40, 40, 2 * ticks, ticks / 2, ticks / 4, 2),
        });

        capture.Lines.Should().Contain(l => l.Contains("Import done: 20 blocks from 1 files, tip height 20", StringComparison.Ordinal));
        capture.Lines.ToList()[^1].Should().Contain("Importing cost: base rules 2.00 s, drivechain rules 0.50 s (12.5% of the phase), 2 flushes 0.25 s, 0 undo writes 0.00 s");
    }

    [Theory]
    [InlineData("command line")]
    [InlineData("drivechain.conf")]
    [InlineData("environment")]
    public async Task The_reindex_setting_rebuilds_the_chain_state_at_start(string source)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "drivechain-node-tests", Guid.NewGuid().ToString("N"));
        var tip = StoreChain(dataDir, 15);
        var settings = new Dictionary<string, string?> { ["regtest"] = "1", ["datadir"] = dataDir, ["rpcport"] = "0", ["listen"] = "0" };
        var environment = new Dictionary<string, string>();
        switch (source)
        {
            case "command line": settings["reindex"] = "1"; break;
            case "drivechain.conf": await File.WriteAllTextAsync(Path.Combine(dataDir, "drivechain.conf"), "reindex=1\n"); break;
            default: environment["DRIVECHAIN_REINDEX"] = "1"; break;
        }
        var capture = new CapturingLoggerProvider();
        using var host = NodeHost.CreateBuilder(NodeConfiguration.Build(settings, environment), capture).Build();
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<NodeReadiness>().WhenReady;
            var chain = host.Services.GetRequiredService<NodeChain>().Chain;

            chain.Tip.Hash.Should().Be(tip);
            capture.Lines.Should().Contain(l => l.Contains("Reindex done: 16 blocks from 1 files, tip height 15", StringComparison.Ordinal));
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Without_reindex_the_stored_index_is_loaded_and_summarised()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "drivechain-node-tests", Guid.NewGuid().ToString("N"));
        StoreChain(dataDir, 5);
        var capture = new CapturingLoggerProvider();
        var configuration = NodeConfiguration.Build(
            new Dictionary<string, string?> { ["regtest"] = "1", ["datadir"] = dataDir, ["rpcport"] = "0", ["listen"] = "0" }, new Dictionary<string, string>());
        using var host = NodeHost.CreateBuilder(configuration, capture).Build();
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<NodeReadiness>().WhenReady;

            capture.Lines.Should().Contain(l => l.Contains("Block index loaded: 6 entries, tip height 5", StringComparison.Ordinal));
            capture.Lines.Should().NotContain(l => l.Contains("Reindex", StringComparison.Ordinal));
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task The_executable_with_reindex_rebuilds_the_chain_and_serves_the_same_tip()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "drivechain-cli-tests", Guid.NewGuid().ToString("N"));
        var tip = StoreChain(dataDir, 12);
        await using var node = await NodeProcess.StartAsync(dataDir, "--reindex");
        try
        {
            (await node.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>().Should().Be(tip.ToString());
            await node.ShouldLogAsync("Reindex done: 13 blocks from 1 files, tip height 12");
            (await node.StopAsync()).Should().Be(0);
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }
}
