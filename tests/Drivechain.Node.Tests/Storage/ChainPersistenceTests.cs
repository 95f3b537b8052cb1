using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Node.Chain;
using Drivechain.Node.Tests.Chain;

namespace Drivechain.Node.Tests.Storage;

public sealed class ChainPersistenceTests
{
    private static readonly ChainManagerOptions SmallCache = new() { FlushIntervalBlocks = 7, MaxCachedCoins = 50 };

    internal static ChainManager Open(string dir, ChainManagerOptions? options = null) =>
        ChainManager.Open(dir, Network.Regtest, DrivechainParams.ForNetwork("regtest"), Secp256k1Provider.CreateDefault(), options ?? SmallCache);

    private static DrivechainActivity BusyChain()
    {
        var activity = new DrivechainActivity(new TestChain(Network.Regtest));
        activity.Chain.MineMany(101);
        activity.ActivateSlot(3, "three");
        activity.MineDeposit(3, 5 * Money.Coin);
        activity.ProposeVoteAndPay(3, Money.Coin);
        for (int i = 0; i < 10; i++) activity.MineDeposit(3, Money.Coin / 10, $"d{i}");
        return activity;
    }

    private static void ShouldMatchInMemory(ChainManager chain, IEnumerable<Block> blocks)
    {
        using var fresh = ChainManagerTests.NewChain();
        foreach (var block in blocks) fresh.SubmitBlock(block);
        chain.Tip.Hash.Should().Be(fresh.Tip.Hash);
        chain.GetUtxoSetInfo().Should().Be(fresh.GetUtxoSetInfo());
        chain.TipDrivechainState.Should().Be(fresh.TipDrivechainState);
    }

    [Fact]
    public void A_new_data_directory_starts_at_genesis()
    {
        using var dir = new TempDirectory();
        using var chain = Open(dir.Path);

        chain.Tip.Hash.Should().Be(Network.Regtest.Genesis.Hash);
        chain.IsInMemory.Should().BeFalse();
        File.Exists(Path.Combine(dir.Path, "chainstate.sqlite")).Should().BeTrue();
    }

    [Fact]
    public void A_data_directory_in_use_cannot_be_opened_twice()
    {
        using var dir = new TempDirectory();
        using var chain = Open(dir.Path);

        var second = () => Open(dir.Path);

        second.Should().Throw<IOException>();
    }

    [Fact]
    public void A_reopened_chain_resumes_with_the_same_tip_utxo_set_and_drivechain_state()
    {
        var activity = BusyChain();
        using var dir = new TempDirectory();
        using (var chain = Open(dir.Path))
            foreach (var block in activity.Chain.Blocks) chain.SubmitBlock(block).Should().BeOfType<SubmitOutcome.Accepted>();

        using var reopened = Open(dir.Path);

        reopened.Height.Should().Be(activity.Chain.Height);
        ShouldMatchInMemory(reopened, activity.Chain.Blocks);
        reopened.GetBlock(activity.Chain.Blocks[50].Hash)!.ToHex().Should().Be(activity.Chain.Blocks[50].ToHex());
        reopened.SubmitBlock(activity.Chain.Blocks[^1]).Should().BeOfType<SubmitOutcome.Duplicate>();
    }

    // Two branches off 101 common blocks: a sidechain activated, funded and paid out on A; 20 plain blocks (more work) on B.
    private static (DrivechainActivity A, DrivechainActivity B) DrivechainBranchAndLongerPlainBranch()
    {
        var common = new DrivechainActivity(new TestChain(Network.Regtest));
        common.Chain.MineMany(101);
        var a = common.Fork();
        var b = common.Fork();
        a.ActivateSlot(1, "a");
        a.MineDeposit(1, Money.Coin);
        a.ProposeVoteAndPay(1, Money.Coin / 2);
        for (int i = 0; i < 20; i++) b.Chain.Mine(d => d.ExtraNonce = 4);
        return (a, b);
    }

    [Fact]
    public void After_reopening_a_reorg_deeper_than_the_last_flush_uses_the_stored_undo_data()
    {
        var (a, b) = DrivechainBranchAndLongerPlainBranch();
        using var dir = new TempDirectory();
        using (var chain = Open(dir.Path))
            foreach (var block in a.Chain.Blocks) chain.SubmitBlock(block);
        using var reopened = Open(dir.Path);

        foreach (var block in b.Chain.Blocks.Skip(101)) reopened.SubmitBlock(block);

        reopened.Statistics.BlocksDisconnected.Should().Be(a.Chain.Height - 101);
        ShouldMatchInMemory(reopened, b.Chain.Blocks);
    }

    [Fact]
    public void Undo_data_written_between_flushes_serves_a_reorg_and_the_reopened_chain_extends()
    {
        var (a, b) = DrivechainBranchAndLongerPlainBranch();
        var c = b.Fork();
        for (int i = 0; i < 25; i++) c.Chain.Mine(d => d.ExtraNonce = 5);
        var spillEveryBlock = new ChainManagerOptions { FlushIntervalBlocks = 1_000, UndoSpillBytes = 1 };
        using var dir = new TempDirectory();
        using (var chain = Open(dir.Path, spillEveryBlock))
        {
            foreach (var block in a.Chain.Blocks) chain.SubmitBlock(block);
            chain.Statistics.UndoWrites.Should().BeGreaterThan(a.Chain.Height - 101 - 2, "each block's undo is written on its own");

            foreach (var block in b.Chain.Blocks.Skip(101)) chain.SubmitBlock(block);   // disconnects a's blocks: undo from the database

            chain.Statistics.BlocksDisconnected.Should().Be(a.Chain.Height - 101);
            ShouldMatchInMemory(chain, b.Chain.Blocks);
        }
        using var reopened = Open(dir.Path, spillEveryBlock);

        foreach (var block in c.Chain.Blocks.Skip(101)) reopened.SubmitBlock(block);

        ShouldMatchInMemory(reopened, c.Chain.Blocks);
    }

    [Fact]
    public void An_invalid_block_is_still_known_invalid_after_reopening()
    {
        var builder = new TestChain(Network.Regtest);
        builder.MineMany(3);
        var invalid = builder.Build(d => d.ExtraCoinbaseValue = 1);
        using var dir = new TempDirectory();
        using (var chain = Open(dir.Path))
        {
            foreach (var block in builder.Blocks) chain.SubmitBlock(block);
            chain.SubmitBlock(invalid).Should().BeOfType<SubmitOutcome.Rejected>();
        }
        using var reopened = Open(dir.Path);

        reopened.SubmitBlock(invalid).Should().BeEquivalentTo(new { BlockHash = invalid.Hash, Code = "BASE", Reason = "bad-cb-amount" });
    }

    [Fact]
    public void Invalidateblock_survives_reopening()
    {
        var builder = new TestChain(Network.Regtest);
        builder.MineMany(5);
        using var dir = new TempDirectory();
        using (var chain = Open(dir.Path))
        {
            foreach (var block in builder.Blocks) chain.SubmitBlock(block);
            chain.InvalidateBlock(builder.Blocks[3].Hash).Should().BeTrue();
        }
        using var reopened = Open(dir.Path);

        reopened.Height.Should().Be(3);
        ShouldMatchInMemory(reopened, builder.Blocks.Take(3));
    }
}
