using System.Buffers.Binary;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Node.Chain;
using Drivechain.Node.Storage;
using Drivechain.Node.Tests.Chain;

namespace Drivechain.Node.Tests.Storage;

public sealed class ReindexTests
{
    private static readonly ChainManagerOptions SmallCache = new() { FlushIntervalBlocks = 7, MaxCachedCoins = 50 };

    private static uint RegtestMagic => BinaryPrimitives.ReadUInt32LittleEndian(Network.Regtest.MessageStart.AsSpan());

    private static ChainManager Reindex(string dir, IProgress<ChainLoadProgress>? progress = null) =>
        ChainManager.Reindex(dir, Network.Regtest, DrivechainParams.ForNetwork("regtest"), Secp256k1Provider.CreateDefault(),
            SmallCache with { Progress = progress });

    private static DrivechainActivity ChainWithDeposits()
    {
        var activity = new DrivechainActivity(new TestChain(Network.Regtest));
        activity.Chain.MineMany(101);
        activity.ActivateSlot(2, "two");
        activity.MineDeposit(2, 3 * Money.Coin);
        for (int i = 0; i < 5; i++) activity.MineDeposit(2, Money.Coin / 10, $"d{i}");
        return activity;
    }

    private static (UInt256 Tip, int Height, UtxoSetInfo Utxos, UInt256 Digest) Snapshot(ChainManager chain) =>
        (chain.Tip.Hash, chain.Height, chain.GetUtxoSetInfo(), chain.TipDrivechainState.ComputeDigest());

    private sealed class Recorder : IProgress<ChainLoadProgress>
    {
        public List<ChainLoadProgress> Reports { get; } = [];

        public void Report(ChainLoadProgress value) => Reports.Add(value);
    }

    [Fact]
    public void Reindex_rebuilds_the_same_tip_utxo_set_and_drivechain_state()
    {
        var activity = ChainWithDeposits();
        using var dir = new TempDirectory();
        (UInt256, int, UtxoSetInfo, UInt256) before;
        using (var chain = ChainPersistenceTests.Open(dir.Path, SmallCache))
        {
            foreach (var block in activity.Chain.Blocks) chain.SubmitBlock(block).Should().BeOfType<SubmitOutcome.Accepted>();
            before = Snapshot(chain);
        }
        var blockFiles = Directory.GetFiles(Path.Combine(dir.Path, "blocks")).ToDictionary(f => f, File.ReadAllBytes);
        var progress = new Recorder();

        using (var reindexed = Reindex(dir.Path, progress))
        {
            Snapshot(reindexed).Should().Be(before);
            using var withoutSidechain = ChainManagerTests.NewChain();
            foreach (var block in activity.Chain.Blocks.Take(101)) withoutSidechain.SubmitBlock(block);
            reindexed.TipDrivechainState.Should().NotBe(withoutSidechain.TipDrivechainState, "the deposits must be part of the compared state");
            reindexed.GetBlock(activity.Chain.Blocks[60].Hash)!.ToHex().Should().Be(activity.Chain.Blocks[60].ToHex());
        }

        // The blocks stay where they were: nothing is appended again.
        Directory.GetFiles(Path.Combine(dir.Path, "blocks")).ToDictionary(f => f, File.ReadAllBytes)
            .Should().BeEquivalentTo(blockFiles);
        progress.Reports.Should().Contain(r => !r.IsFinal).And.OnlyContain(r => r.Phase == ChainLoadPhase.Reindexing && r.Rejected == null);
        var last = progress.Reports[^1];
        last.IsFinal.Should().BeTrue();
        last.Blocks.Should().Be(activity.Chain.Blocks.Count + 1);
        last.Height.Should().Be(activity.Chain.Height);
        last.Orphans.Should().Be(0);
    }

    [Fact]
    public void After_a_reindex_the_chain_reopens_normally_and_takes_new_blocks()
    {
        var builder = new TestChain(Network.Regtest);
        builder.MineMany(20);
        using var dir = new TempDirectory();
        using (var chain = ChainPersistenceTests.Open(dir.Path, SmallCache))
            foreach (var block in builder.Blocks) chain.SubmitBlock(block);
        using (Reindex(dir.Path)) { }
        var progress = new Recorder();

        using var reopened = ChainPersistenceTests.Open(dir.Path, SmallCache with { Progress = progress });
        var next = builder.Mine();

        reopened.Height.Should().Be(20);
        reopened.SubmitBlock(next).Should().BeOfType<SubmitOutcome.Accepted>().Which.IsTip.Should().BeTrue();
        progress.Reports.Should().ContainSingle().Which.Should().Be(
            new ChainLoadProgress(ChainLoadPhase.LoadingBlockIndex, 21, 21, 21, 20, IsFinal: true));
    }

    [Fact]
    public void Reindex_with_a_losing_branch_in_the_files_ends_on_the_most_work_tip()
    {
        var common = new DrivechainActivity(new TestChain(Network.Regtest));
        common.Chain.MineMany(101);
        var a = common.Fork();
        var b = common.Fork();
        a.ActivateSlot(1, "a");
        a.MineDeposit(1, Money.Coin);
        for (int i = 0; i < 12; i++) b.Chain.Mine(d => d.ExtraNonce = 4);
        using var dir = new TempDirectory();
        (UInt256, int, UtxoSetInfo, UInt256) before;
        using (var chain = ChainPersistenceTests.Open(dir.Path, SmallCache))
        {
            foreach (var block in a.Chain.Blocks) chain.SubmitBlock(block);
            foreach (var block in b.Chain.Blocks.Skip(101)) chain.SubmitBlock(block);
            chain.Tip.Hash.Should().Be(b.Chain.TipHash);
            before = Snapshot(chain);
        }

        using var reindexed = Reindex(dir.Path);

        Snapshot(reindexed).Should().Be(before);
        reindexed.GetBlockIndex(a.Chain.TipHash)!.HasData.Should().BeTrue();
        reindexed.IsInActiveChain(a.Chain.TipHash).Should().BeFalse();
        using var fresh = ChainManagerTests.NewChain();
        foreach (var block in b.Chain.Blocks) fresh.SubmitBlock(block);
        reindexed.GetUtxoSetInfo().Should().Be(fresh.GetUtxoSetInfo());
        reindexed.TipDrivechainState.ComputeDigest().Should().Be(fresh.TipDrivechainState.ComputeDigest());
    }

    [Fact]
    public void Reindex_submits_blocks_whose_parent_comes_later_in_the_files_once_it_arrives()
    {
        var builder = new TestChain(Network.Regtest);
        builder.MineMany(12);
        using var dir = new TempDirectory();
        using (var store = new BlockFileStore(Path.Combine(dir.Path, "blocks"), RegtestMagic, maxFileSize: 600))
        {
            // Children before parents, across several files, and no genesis record at all.
            foreach (var block in Enumerable.Reverse(builder.Blocks)) store.Append(block.ToBytes());
            store.FileCount.Should().BeGreaterThan(1);
        }
        var progress = new Recorder();

        using var reindexed = Reindex(dir.Path, progress);

        reindexed.Tip.Hash.Should().Be(builder.TipHash);
        reindexed.Height.Should().Be(12);
        progress.Reports[^1].Should().Match<ChainLoadProgress>(r => r.IsFinal && r.Blocks == 12 && r.Orphans == 0 && r.Total > 1);
    }

    [Fact]
    public void Reindex_reports_a_stored_invalid_block_and_keeps_it_invalid()
    {
        var builder = new TestChain(Network.Regtest);
        builder.MineMany(3);
        var invalid = builder.Build(d => d.ExtraCoinbaseValue = 1);
        using var dir = new TempDirectory();
        using (var chain = ChainPersistenceTests.Open(dir.Path, SmallCache))
        {
            foreach (var block in builder.Blocks) chain.SubmitBlock(block);
            chain.SubmitBlock(invalid).Should().BeOfType<SubmitOutcome.Rejected>();
        }
        var progress = new Recorder();

        using var reindexed = Reindex(dir.Path, progress);

        progress.Reports.Should().ContainSingle(r => r.Rejected != null).Which.Rejected.Should().BeEquivalentTo(
            new { BlockHash = invalid.Hash, Code = "BASE", Reason = "bad-cb-amount" });
        reindexed.Height.Should().Be(3);
        reindexed.SubmitBlock(invalid).Should().BeEquivalentTo(new { BlockHash = invalid.Hash, Code = "BASE", Reason = "bad-cb-amount" });
    }

    [Fact]
    public void Reindex_skips_a_record_cut_short_by_a_crash_and_reads_the_blocks_after_it()
    {
        var builder = new TestChain(Network.Regtest);
        builder.MineMany(6);
        using var dir = new TempDirectory();
        using (var chain = ChainPersistenceTests.Open(dir.Path, SmallCache))
            foreach (var block in builder.Blocks.Take(3)) chain.SubmitBlock(block);
        // A crash in the middle of writing block 4: its record claims the full length but only part is there.
        var blk = Path.Combine(dir.Path, "blocks", "blk00000.dat");
        var partial = builder.Blocks[3].ToBytes();
        using (var stream = new FileStream(blk, FileMode.Append))
        {
            Span<byte> prefix = stackalloc byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(prefix, RegtestMagic);
            BinaryPrimitives.WriteInt32LittleEndian(prefix[4..], partial.Length);
            stream.Write(prefix);
            stream.Write(partial.AsSpan(0, partial.Length / 2));
        }
        using (var chain = ChainPersistenceTests.Open(dir.Path, SmallCache))
            foreach (var block in builder.Blocks.Skip(3)) chain.SubmitBlock(block);

        using var reindexed = Reindex(dir.Path);

        reindexed.Tip.Hash.Should().Be(builder.TipHash);
    }

    [Fact]
    public void Reindex_of_a_new_data_directory_starts_at_genesis()
    {
        using var dir = new TempDirectory();

        using var reindexed = Reindex(dir.Path);

        reindexed.Tip.Hash.Should().Be(Network.Regtest.Genesis.Hash);
    }
}
