using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Testing.Bitcoind;

namespace Drivechain.Sidecar.Tests;

/// <summary>The sidecar's follow / validate / invalidate / undo loop against a real, unmodified Bitcoin Core.</summary>
public sealed class SidecarFollowerTests
{
    [BitcoindFact]
    public async Task Block_breaking_a_drivechain_rule_is_invalidated_on_Core_and_Core_returns_to_the_valid_chain()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var miner = new CoreMiner(core);
        await using var sidecar = await FollowerRun.StartAsync(core);
        var valid = (await miner.MinePlainAsync(3))[^1];
        await sidecar.VerdictOnAsync(valid);

        // M3 for slot 7, which no sidechain occupies: spec §4.3.3, M3_INACTIVE_SIDECHAIN. Core itself accepts it.
        var invalid = await miner.MineAsync(new M3ProposeBundle(7, new M6Id(new UInt256(42))).ToScript());
        var verdict = await sidecar.VerdictOnAsync(invalid);

        verdict.Accepted.Should().BeFalse();
        verdict.RejectCode.Should().Be("M3_INACTIVE_SIDECHAIN");
        (await core.GetBestBlockHashAsync()).Should().Be(valid, "the sidecar had Core invalidate the block");
        var tips = (await core.CallAsync("getchaintips")).EnumerateArray();
        tips.Should().Contain(t => t.GetProperty("hash").GetString() == invalid && t.GetProperty("status").GetString() == "invalid");
        sidecar.Follower.Tip!.Hash.Should().Be(UInt256.Parse(valid));
        sidecar.Store.LoadInvalidated().Should().ContainKey(UInt256.Parse(invalid)).WhoseValue.Should().Be("M3_INACTIVE_SIDECHAIN");
    }

    [BitcoindFact]
    public async Task Invalid_block_buried_under_descendants_is_invalidated_with_them()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var miner = new CoreMiner(core);
        var valid = (await miner.MinePlainAsync(2))[^1];
        var invalid = await miner.MineAsync(new M3ProposeBundle(3, new M6Id(new UInt256(7))).ToScript());
        await miner.MinePlainAsync(3);

        await using var sidecar = await FollowerRun.StartAsync(core);
        (await sidecar.VerdictOnAsync(invalid)).RejectCode.Should().Be("M3_INACTIVE_SIDECHAIN");

        (await core.GetBestBlockHashAsync()).Should().Be(valid);
        (await core.GetBlockCountAsync()).Should().Be(2);
    }

    [BitcoindFact]
    public async Task Drivechain_lifecycle_mined_on_Core_is_tracked_with_the_digest_of_an_independent_replay()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var miner = new CoreMiner(core);
        await using var sidecar = await FollowerRun.StartAsync(core);
        await miner.MinePlainAsync(1);
        await miner.ActivateSidechainAsync(slot: 1);
        await miner.MinePlainAsync(100);                           // block 1's coinbase matures
        var deposit = await miner.DepositTransactionAsync(slot: 1, fundingHeight: 1, new Money(10_0000_0000));
        var last = await miner.MineAsync(new Bitcoin.Scripting.Script((byte[])[0x51]), deposit);

        var tip = await sidecar.TipAtAsync(last);
        var replay = await miner.ReplayActiveChainAsync();

        tip.State.IsActive(1).Should().BeTrue();
        tip.State.GetCtip(1).Should().NotBeNull("the deposit created the slot's treasury output");
        tip.State.GetCtip(1)!.Value.OutPoint.TxId.Should().Be(deposit.TxId);
        tip.Height.Should().Be(replay.Height);
        tip.Hash.ToString().Should().Be(replay.Hash);
        tip.State.ComputeDigest().Should().Be(replay.Digest);
    }

    [BitcoindFact]
    public async Task Reorg_on_Core_is_followed_by_undoing_the_old_branch_and_connecting_the_new_one()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var miner = new CoreMiner(core);
        await using var sidecar = await FollowerRun.StartAsync(core);
        await miner.MinePlainAsync(1);
        var forkPoint = await miner.MineM1Async(slot: 2);
        var oldBranch = new List<string>();
        for (var i = 0; i < 3; i++) oldBranch.Add(await miner.MineM2Async(slot: 2));
        var oldTip = await sidecar.TipAtAsync(oldBranch[^1]);
        oldTip.State.Proposals.Should().NotBeEmpty();

        // The operator (not the sidecar) drops the old branch; Core mines a longer one without ACKs.
        await core.CallAsync("invalidateblock", oldBranch[0]);
        var newBranch = await miner.MinePlainAsync(5);
        var tip = await sidecar.TipAtAsync(newBranch[^1]);
        var replay = await miner.ReplayActiveChainAsync();

        tip.State.ComputeDigest().Should().Be(replay.Digest);
        sidecar.Store.HashAt(3).Should().Be(UInt256.Parse(newBranch[0]));
        (await core.CallAsync("getblockhash", 2)).GetString().Should().Be(forkPoint);
    }
}
