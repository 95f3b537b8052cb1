using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Grpc.Core;

namespace Drivechain.Node.Tests.Grpc;

/// <summary>
/// The sidechain's view of the two-way peg through the gRPC API: activation, deposit, BMM, withdrawal bundle from
/// Submitted to Succeeded — GetBlockInfo, GetCtip and the SubscribeEvents stream agree at every step.
/// </summary>
public sealed class SidechainFlowTests : IAsyncLifetime
{
    private const int Slot = 1;
    private GrpcScenario _s = null!;

    public async Task InitializeAsync() => _s = await GrpcScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Deposit_bmm_and_bundle_payout_appear_in_block_info_ctip_and_the_event_stream()
    {
        using var subscription = _s.Validator.SubscribeEvents(new SubscribeEventsRequest { SidechainId = Slot });
        await subscription.ResponseHeadersAsync;
        var streamed = new List<SubscribeEventsResponse.Types.Event>();
        await _s.ActivateSlot(Slot);
        var sidechain = (await _s.Validator.GetSidechainsAsync(new GetSidechainsRequest())).Sidechains.Should().ContainSingle().Subject;

        var depositTxid = await _s.Deposit(Slot, coinbaseHeight: 1, amount: 5m);
        var depositBlock = (await _s.Mine(1))[0]!.GetValue<string>();
        var ctipAfterDeposit = (await _s.Validator.GetCtipAsync(new GetCtipRequest { SidechainNumber = Slot })).Ctip;
        var hStar = new string('a', 2) + new string('b', 62);
        await _s.BmmRequest(Slot, coinbaseHeight: 2, hStar);
        var bmmBlock = (await _s.Mine(1))[0]!.GetValue<string>();
        var m6id = (await _s.Rpc.CallAsync("receivewithdrawalbundle", Slot, GrpcScenario.BlindedBundle))!["m6id"]!.GetValue<string>();
        var proposedIn = (await _s.Mine(1))[0]!.GetValue<string>();
        var pending = (await _s.Validator.GetWithdrawalBundleProposalsAsync(new GetWithdrawalBundleProposalsRequest { SidechainId = Slot })).Proposals;
        var bundleBlocks = await _s.Mine(9);
        var tip = await _s.TipHash();

        var infos = (await _s.Validator.GetBlockInfoAsync(new GetBlockInfoRequest { BlockHash = GrpcScenario.Hash(tip), SidechainId = Slot, MaxAncestors = 999 })).Infos;
        var ctip = (await _s.Validator.GetCtipAsync(new GetCtipRequest { SidechainNumber = Slot })).Ctip;
        var commitment = await _s.Validator.GetBmmHStarCommitmentAsync(new GetBmmHStarCommitmentRequest { BlockHash = GrpcScenario.Hash(bmmBlock), SidechainId = Slot });
        while (streamed.Count < infos[0].HeaderInfo.Height - 101 && await subscription.ResponseStream.MoveNext(CancellationToken.None))
            streamed.Add(subscription.ResponseStream.Current.Event);

        sidechain.SidechainNumber.Should().Be(Slot);
        sidechain.Declaration.V0.Title.Should().Be($"Slot {Slot}");
        var deposit = infos.Single(i => i.HeaderInfo.BlockHash.Hex == depositBlock).BlockInfo.Events.Should().ContainSingle().Subject.Deposit;
        deposit.SequenceNumber.Should().Be(0);
        deposit.Outpoint.Txid.Hex.Should().Be(depositTxid);
        deposit.Outpoint.Vout.Should().Be(0);
        deposit.Output.Address.Hex_.Should().Be("616464");
        deposit.Output.ValueSats.Should().Be(5_0000_0000);
        ctipAfterDeposit.Should().BeEquivalentTo(new GetCtipResponse.Types.Ctip { Txid = GrpcScenario.Hash(depositTxid), Vout = 0, Value = 5_0000_0000, SequenceNumber = 0 });

        commitment.Commitment.Commitment_.Hex.Should().Be(hStar);
        infos.Single(i => i.HeaderInfo.BlockHash.Hex == bmmBlock).BlockInfo.BmmCommitment.Hex.Should().Be(hStar);

        var bundleEvents = infos.SelectMany(i => i.BlockInfo.Events).Where(e => e.EventCase == BlockInfo.Types.Event.EventOneofCase.WithdrawalBundle)
            .Select(e => e.WithdrawalBundle).Reverse().ToList();   // oldest first
        bundleEvents.Select(e => e.Event.EventCase).Should().Equal(
            WithdrawalBundleEvent.Types.Event.EventOneofCase.Submitted, WithdrawalBundleEvent.Types.Event.EventOneofCase.Succeeded);
        bundleEvents.Should().OnlyContain(e => Bitcoin.Primitives.UInt256.Parse(m6id) == new Bitcoin.Primitives.UInt256(Convert.FromHexString(e.M6Id.Hex)));
        var succeeded = bundleEvents[1].Event.Succeeded;
        succeeded.SequenceNumber.Should().Be(1);
        ctip.Value.Should().Be(5_0000_0000 - 1_0000_0000 - 1_0000);
        ctip.SequenceNumber.Should().Be(1);
        var m6 = (await _s.Rpc.CallAsync("decoderawtransaction", succeeded.Transaction.Hex))!;
        m6["txid"]!.GetValue<string>().Should().Be(ctip.Txid.Hex);
        bundleBlocks.Should().HaveCount(9);
        var proposal = pending.Should().ContainSingle().Subject;
        new Bitcoin.Primitives.UInt256(Convert.FromHexString(proposal.M6Id.Hex)).Should().Be(Bitcoin.Primitives.UInt256.Parse(m6id));
        proposal.ProposalHeight.Should().Be(infos.Single(i => i.HeaderInfo.BlockHash.Hex == proposedIn).HeaderInfo.Height);

        var byHash = infos.ToDictionary(i => i.HeaderInfo.BlockHash.Hex);
        streamed.Should().OnlyContain(e => e.EventCase == SubscribeEventsResponse.Types.Event.EventOneofCase.ConnectBlock);
        streamed.Select(e => (int)e.ConnectBlock.HeaderInfo.Height).Should().Equal(Enumerable.Range(102, streamed.Count));
        streamed.Should().HaveCount((int)infos[0].HeaderInfo.Height - 101);
        foreach (var e in streamed)
        {
            var info = byHash[e.ConnectBlock.HeaderInfo.BlockHash.Hex];
            e.ConnectBlock.HeaderInfo.Should().Be(info.HeaderInfo);
            e.ConnectBlock.BlockInfo.Should().Be(info.BlockInfo);
        }
    }
}
