using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Drivechain.Testing.Bitcoind;
using Grpc.Core;
using Grpc.Health.V1;

namespace Drivechain.Sidecar.Tests;

/// <summary>
/// The sidechain gRPC API served by the real <c>drivechain sidecar</c> process from Bitcoin Core's chain (real bitcoind,
/// real Grpc.Net.Client): the tip, sidechain proposals and activation, the event stream across a Core reorg, health.
/// </summary>
public sealed class SidecarGrpcTests
{
    [BitcoindFact]
    public async Task GetChainTip_is_Cores_tip_once_the_sidecar_has_validated_it()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var mined = await new CoreMiner(core).MinePlainAsync(5);
        await using var run = await SidecarGrpcRun.StartAsync(core);
        await run.AtTipAsync(mined[^1]);

        var tip = (await run.Validator.GetChainTipAsync(new GetChainTipRequest())).BlockHeaderInfo;

        var coreHeader = await core.CallAsync("getblockheader", mined[^1], true);
        tip.BlockHash.Hex.Should().Be(await core.GetBestBlockHashAsync());
        tip.Height.Should().Be((uint)await core.GetBlockCountAsync());
        tip.PrevBlockHash.Hex.Should().Be(coreHeader.GetProperty("previousblockhash").GetString());
        tip.Timestamp.Should().Be(coreHeader.GetProperty("time").GetUInt32());
        var info = await run.Validator.GetChainInfoAsync(new GetChainInfoRequest());
        info.Network.Should().Be(Network.Regtest);
    }

    [BitcoindFact]
    public async Task Sidechain_proposed_on_Core_is_listed_as_a_proposal_and_once_activated_as_a_sidechain()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var miner = new CoreMiner(core);
        await miner.MinePlainAsync(1);
        await using var run = await SidecarGrpcRun.StartAsync(core);
        var proposal = await miner.MineM1Async(slot: 4);
        await run.AtTipAsync(proposal);

        var proposals = (await run.Validator.GetSidechainProposalsAsync(new GetSidechainProposalsRequest())).SidechainProposals;
        proposals.Should().ContainSingle();
        proposals[0].SidechainNumber.Should().Be(4);
        proposals[0].ProposalHeight.Should().Be(2);
        proposals[0].DescriptionSha256DHash.Hex.Should().Be(Hashes.Sha256d(CoreMiner.Description).ToString());
        (await run.Validator.GetSidechainsAsync(new GetSidechainsRequest())).Sidechains.Should().BeEmpty();

        string last = proposal;
        for (var i = 0; i <= Consensus.DrivechainParams.Short.UnusedSlotActivationThreshold; i++) last = await miner.MineM2Async(slot: 4);
        await run.AtTipAsync(last);

        var sidechains = (await run.Validator.GetSidechainsAsync(new GetSidechainsRequest())).Sidechains;
        sidechains.Should().ContainSingle();
        sidechains[0].SidechainNumber.Should().Be(4);
        sidechains[0].ProposalHeight.Should().Be(2);
        sidechains[0].Description.Hex.Should().EndWith(Convert.ToHexStringLower(CoreMiner.Description));
        (await run.Validator.GetSidechainProposalsAsync(new GetSidechainProposalsRequest())).SidechainProposals.Should().BeEmpty();
    }

    [BitcoindFact]
    public async Task SubscribeEvents_streams_Cores_new_blocks_and_the_disconnects_of_a_Core_reorg()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var miner = new CoreMiner(core);
        var start = (await miner.MinePlainAsync(2))[^1];
        await using var run = await SidecarGrpcRun.StartAsync(core);
        await run.AtTipAsync(start);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var call = run.Validator.SubscribeEvents(new SubscribeEventsRequest { SidechainId = 0 }, cancellationToken: cts.Token);
        await call.ResponseHeadersAsync;   // subscribed

        var oldBranch = await miner.MinePlainAsync(2);
        await run.AtTipAsync(oldBranch[1]);   // else the sidecar may never see the old branch, as Core drops it at once
        await core.CallAsync("invalidateblock", oldBranch[0]);
        var newBranch = new List<string>();   // paying elsewhere than the old branch, so Core does not rebuild an invalidated block
        for (var i = 0; i < 3; i++) newBranch.Add(await miner.MineAsync(new Script((byte[])[0x52])));

        var events = new List<SubscribeEventsResponse.Types.Event>();
        try
        {
            while (events.Count < 7 && await call.ResponseStream.MoveNext(cts.Token)) events.Add(call.ResponseStream.Current.Event);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
            // Timed out: the assertion below shows what arrived.
        }
        events.Select(Describe).Should().Equal([
            $"connect {oldBranch[0]}", $"connect {oldBranch[1]}",
            $"disconnect {oldBranch[1]}", $"disconnect {oldBranch[0]}",
            $"connect {newBranch[0]}", $"connect {newBranch[1]}", $"connect {newBranch[2]}"], run.Sidecar.Output);
        events[4].ConnectBlock.HeaderInfo.Height.Should().Be(3);
        events[4].ConnectBlock.HeaderInfo.PrevBlockHash.Hex.Should().Be(start);
    }

    [BitcoindFact]
    public async Task Health_serves_the_validator_and_crypto_services_and_not_the_wallet_miner_or_block_producer()
    {
        await using var core = await BitcoindProcess.StartAsync();
        await using var run = await SidecarGrpcRun.StartAsync(core);
        var health = new Health.HealthClient(run.Channel);

        foreach (var served in new[] { "cusf.mainchain.v1.ValidatorService", "cusf.crypto.v1.CryptoService" })
            (await health.CheckAsync(new HealthCheckRequest { Service = served })).Status.Should().Be(HealthCheckResponse.Types.ServingStatus.Serving, served);
        foreach (var notServed in new[] { "cusf.mainchain.v1.WalletService", "cusf.mainchain.v1.MiningService", "cusf.mainchain.v1.BlockProducerService" })
            (await health.CheckAsync(new HealthCheckRequest { Service = notServed })).Status.Should().Be(HealthCheckResponse.Types.ServingStatus.NotServing, notServed);
        var wallet = new WalletService.WalletServiceClient(run.Channel);
        var call = () => wallet.GetBalanceAsync(new GetBalanceRequest()).ResponseAsync;
        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unimplemented);
    }

    private static string Describe(SubscribeEventsResponse.Types.Event e) => e.EventCase switch
    {
        SubscribeEventsResponse.Types.Event.EventOneofCase.ConnectBlock => $"connect {e.ConnectBlock.HeaderInfo.BlockHash.Hex}",
        SubscribeEventsResponse.Types.Event.EventOneofCase.DisconnectBlock => $"disconnect {e.DisconnectBlock.BlockHash.Hex}",
        _ => e.EventCase.ToString(),
    };
}
