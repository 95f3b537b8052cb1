using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;
using Grpc.Net.Client;

namespace Drivechain.Sidecar.Tests;

/// <summary>
/// GetBlockInfo from the sidecar for a deposit block mined on Core, checked against the deposit itself and against the
/// answer of a real <c>drivechain node</c> process fed the same blocks (<c>submitblock</c>).
/// </summary>
public sealed class SidecarBlockInfoTests
{
    [BitcoindFact]
    public async Task GetBlockInfo_of_a_deposit_block_shows_the_deposit_as_the_node_does_for_the_same_blocks()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var miner = new CoreMiner(core);
        await miner.MinePlainAsync(1);
        await miner.ActivateSidechainAsync(slot: 1);
        await miner.MinePlainAsync(100);                           // block 1's coinbase matures
        var deposit = await miner.DepositTransactionAsync(slot: 1, fundingHeight: 1, new Money(10_0000_0000));
        var depositBlock = await miner.MineAsync(new Bitcoin.Scripting.Script((byte[])[0x51]), deposit);
        await using var run = await SidecarGrpcRun.StartAsync(core);
        await run.AtTipAsync(depositBlock);
        var request = new GetBlockInfoRequest { BlockHash = SidecarGrpcRun.Hash(depositBlock), SidechainId = 1, MaxAncestors = 1 };

        var fromSidecar = await run.Validator.GetBlockInfoAsync(request);

        fromSidecar.Infos.Should().HaveCount(2);
        fromSidecar.Infos[0].HeaderInfo.BlockHash.Hex.Should().Be(depositBlock);
        var e = fromSidecar.Infos[0].BlockInfo.Events.Should().ContainSingle().Subject;
        e.Deposit.Should().NotBeNull();
        e.Deposit.Outpoint.Txid.Hex.Should().Be(deposit.TxId.ToString());
        e.Deposit.Output.ValueSats.Should().Be(10_0000_0000);
        e.Deposit.Output.Address.Hex_.Should().Be(Convert.ToHexStringLower("sidecar-deposit"u8));
        fromSidecar.Infos[1].BlockInfo.Events.Should().BeEmpty("the block before is a plain block");

        using var nodeDir = new TempDirectory();
        await using var node = await NodeProcess.StartAsync(nodeDir.Path);
        for (var height = 1; height <= await core.GetBlockCountAsync(); height++)
        {
            var hash = (await core.CallAsync("getblockhash", height)).GetString()!;
            var result = await node.Rpc.CallAsync("submitblock", (await core.CallAsync("getblock", hash, 0)).GetString()!);
            result.Should().BeNull($"our node accepts Core's block {height}");
        }
        using var channel = GrpcChannel.ForAddress(await node.GrpcAddress);
        var fromNode = await new ValidatorService.ValidatorServiceClient(channel).GetBlockInfoAsync(request);

        fromSidecar.Should().Be(fromNode);
    }
}
