using System.Diagnostics;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;
using Drivechain.Node.Tests.Chain;
using Xunit.Abstractions;

namespace Drivechain.Node.Tests.Storage;

/// <summary>
/// Kills a child process importing a long chain (SIGKILL) again and again; after each kill the stored chain
/// must be consistent: the tip is at or past the last reported flush, and the UTXO set and drivechain state
/// equal those of a fresh in-memory node at that tip. The import then resumes to the end.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private static List<Block> BuildChain()
    {
        var activity = new DrivechainActivity(new TestChain(Network.Regtest));
        activity.Chain.MineMany(101);
        activity.ActivateSlot(0, "zero");
        activity.ActivateSlot(9, "nine");
        activity.MineDeposit(0, 20 * Money.Coin);
        activity.MineDeposit(9, 20 * Money.Coin);
        for (int cycle = 0; cycle < 8; cycle++)
        {
            activity.ProposeVoteAndPay(cycle % 2 == 0 ? (byte)0 : (byte)9, Money.Coin / 4);
            for (int i = 0; i < 60; i++) activity.MineDeposit(i % 2 == 0 ? (byte)0 : (byte)9, Money.Coin / 100, $"c{cycle}-{i}");
        }
        return activity.Chain.Blocks;
    }

    [Fact]
    public void Killing_an_import_repeatedly_never_loses_flushed_blocks_and_leaves_a_consistent_chain()
    {
        var blocks = BuildChain();
        var expected = new Dictionary<int, (UtxoSetInfo Utxo, UInt256 Digest)>();
        using (var fresh = ChainManagerTests.NewChain())
        {
            expected[0] = (fresh.GetUtxoSetInfo(), fresh.TipDrivechainState.ComputeDigest());
            foreach (var block in blocks)
            {
                var outcome = fresh.SubmitBlock(block);
                outcome.Should().BeOfType<SubmitOutcome.Accepted>($"height {fresh.Height + 1}: {outcome}");
                expected[fresh.Height] = (fresh.GetUtxoSetInfo(), fresh.TipDrivechainState.ComputeDigest());
            }
        }
        using var dir = new TempDirectory();
        var blocksFile = Path.Combine(dir.Path, "blocks.bin");
        var dataDir = Path.Combine(dir.Path, "data");
        CrashImportProgram.WriteBlocks(blocksFile, blocks);
        var random = new Random(12345);
        int lastFlushed = 0, kills = 0;
        bool done = false;

        for (int round = 0; round < 8 && !done; round++)
        {
            int flushesBeforeKill = random.Next(1, 8);
            using var child = StartChild(dataDir, blocksFile);
            int seen = 0;
            string? line;
            while ((line = child.StandardOutput.ReadLine()) is not null)
            {
                if (line.StartsWith("flushed ", StringComparison.Ordinal))
                {
                    lastFlushed = int.Parse(line[8..], System.Globalization.CultureInfo.InvariantCulture);
                    if (++seen == flushesBeforeKill)
                    {
                        Thread.SpinWait(random.Next(0, 200_000));   // land the kill anywhere in the next blocks
                        child.Kill();
                        break;
                    }
                }
                else if (line.StartsWith("done ", StringComparison.Ordinal))
                {
                    done = true;
                }
            }
            child.WaitForExit();
            if (child.ExitCode == 137) kills++;   // 128 + SIGKILL: it was still importing
            else child.ExitCode.Should().Be(0, child.StandardError.ReadToEnd());
            output.WriteLine($"round {round}: last flushed {lastFlushed}, exit {child.ExitCode}, done {done}");

            using var chain = ChainPersistenceTests.Open(dataDir);
            chain.Height.Should().BeGreaterThanOrEqualTo(lastFlushed, "nothing flushed may be lost");
            chain.Tip.Hash.Should().Be(blocks[chain.Height - 1].Hash);
            chain.GetUtxoSetInfo().Should().Be(expected[chain.Height].Utxo, $"UTXO set at height {chain.Height}");
            chain.TipDrivechainState.ComputeDigest().Should().Be(expected[chain.Height].Digest, $"drivechain state at height {chain.Height}");
            output.WriteLine($"  recovered at height {chain.Height}: UTXO set and drivechain digest match a fresh node");
        }

        kills.Should().BeGreaterThanOrEqualTo(3);
        if (!done)
        {
            using var child = StartChild(dataDir, blocksFile);
            var rest = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            child.ExitCode.Should().Be(0, rest + child.StandardError.ReadToEnd());
        }
        using var final = ChainPersistenceTests.Open(dataDir);
        final.Height.Should().Be(blocks.Count);
        final.GetUtxoSetInfo().Should().Be(expected[blocks.Count].Utxo);
        final.TipDrivechainState.ComputeDigest().Should().Be(expected[blocks.Count].Digest);
    }

    private static Process StartChild(string dataDir, string blocksFile)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(CrashImportProgram).Assembly.Location);
        info.ArgumentList.Add("import");
        info.ArgumentList.Add(dataDir);
        info.ArgumentList.Add(blocksFile);
        info.ArgumentList.Add("5");
        return Process.Start(info)!;
    }
}
