using Drivechain.Node.Grpc.Protos.Common.V1;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Google.Protobuf;
using Grpc.Net.Client;
using ConnectCase = Drivechain.Node.Grpc.Protos.Mainchain.V1.SubscribeEventsResponse.Types.Event.EventOneofCase;

namespace Drivechain.Node.Tests.Grpc;

/// <summary>
/// The whole issue-12 flow as a sidechain sees it, through a real Grpc.Net.Client against the real `drivechain node`
/// process: a password-protected wallet, an activated sidechain, a deposit and a BMM request made by the WalletService, a
/// withdrawal bundle broadcast and paid; the event stream agrees with GetBlockInfo block by block, and a reorg streams
/// DisconnectBlock events newest first while the wallet's balance and the CTIP go back to what they were.
/// </summary>
public sealed class SidechainGrpcEndToEndTests : IAsyncLifetime
{
    private const uint Slot = 1;
    private readonly string _dataDir = Directory.CreateTempSubdirectory("dc-grpc-flow-").FullName;
    private NodeProcess _node = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _node = await NodeProcess.StartAsync(_dataDir);
        _channel = GrpcChannel.ForAddress(await _node.GrpcAddress.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _node.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Wallet_deposit_bmm_and_bundle_payout_stream_as_block_info_says_and_a_reorg_undoes_them()
    {
        var validator = new ValidatorService.ValidatorServiceClient(_channel);
        var wallet = new WalletService.WalletServiceClient(_channel);
        var steps = new RegtestDrivechainSteps(_node.Rpc);
        using var subscription = validator.SubscribeEvents(new SubscribeEventsRequest { SidechainId = Slot });
        await subscription.ResponseHeadersAsync;
        var start = (await validator.GetChainTipAsync(new GetChainTipRequest())).BlockHeaderInfo.Height;

        // Wallet: created with a password, unlocked, funded by 101 coinbases; the sidechain proposed (M1) and acked (M2).
        await wallet.CreateWalletAsync(new CreateWalletRequest { Password = "correct horse" });
        await wallet.UnlockWalletAsync(new UnlockWalletRequest { Password = "correct horse" });
        var address = (await wallet.CreateNewAddressAsync(new CreateNewAddressRequest())).Address;
        await _node.Rpc.CallAsync("generatetoaddress", 101, address);
        await steps.ProposeSidechainAsync((int)Slot, "Thunder", "end to end");
        await steps.MineAsync(7);
        (await validator.GetSidechainsAsync(new GetSidechainsRequest())).Sidechains.Should().ContainSingle(s => s.SidechainNumber == Slot);

        // M5 deposit and M8 BMM request, both made by the WalletService, each mined.
        var deposit = await wallet.CreateDepositTransactionAsync(new CreateDepositTransactionRequest
        {
            SidechainId = Slot, Address = "thunder-address", ValueSats = 7 * 100_000_000UL, FeeSats = 5000,
        });
        await steps.MineAsync(1);
        var hStar = new string('c', 64);
        var tip = (await validator.GetChainTipAsync(new GetChainTipRequest())).BlockHeaderInfo.BlockHash;
        var bmm = await wallet.CreateBmmCriticalDataTransactionAsync(new CreateBmmCriticalDataTransactionRequest
        {
            SidechainId = Slot, ValueSats = 20_000, Height = 1,
            CriticalHash = new ConsensusHex { Hex = hStar }, PrevBytes = tip,
        });
        var bmmBlock = (await steps.MineAsync(1))[0]!.GetValue<string>();
        (await steps.BlockAsync(bmmBlock))["tx"]!.AsArray().Should().Contain(t => t!["txid"]!.GetValue<string>() == bmm.Txid.Hex);
        (await validator.GetBmmHStarCommitmentAsync(new GetBmmHStarCommitmentRequest { BlockHash = new ReverseHex { Hex = bmmBlock }, SidechainId = Slot }))
            .Commitment.Commitment_.Hex.Should().Be(hStar);
        var depositCtip = (await validator.GetCtipAsync(new GetCtipRequest { SidechainNumber = Slot })).Ctip;
        depositCtip.Txid.Hex.Should().Be(deposit.Txid.Hex);
        depositCtip.Value.Should().Be(7 * 100_000_000UL);
        var balanceBefore = await wallet.GetBalanceAsync(new GetBalanceRequest());
        var heightBefore = (await validator.GetChainTipAsync(new GetChainTipRequest())).BlockHeaderInfo.Height;

        // M6: a blinded bundle paying 1 BTC (fee 0.0001) broadcast through the WalletService, proposed, approved and paid.
        await wallet.BroadcastWithdrawalBundleAsync(new BroadcastWithdrawalBundleRequest
        {
            SidechainId = Slot, Transaction = ByteString.CopyFrom(RegtestDrivechainSteps.BlindedBundle(100_000_000, 10_000).ToBytes()),
        });
        var bundleBlocks = (await steps.MineAsync(10)).Select(h => h!.GetValue<string>()).ToList();
        var paidCtip = (await validator.GetCtipAsync(new GetCtipRequest { SidechainNumber = Slot })).Ctip;
        paidCtip.Value.Should().Be(7 * 100_000_000UL - 100_000_000 - 10_000);
        paidCtip.SequenceNumber.Should().Be(1);

        // Every block so far streamed as ConnectBlock with exactly GetBlockInfo's content.
        var tipHash = (await validator.GetChainTipAsync(new GetChainTipRequest())).BlockHeaderInfo.BlockHash;
        var infos = (await validator.GetBlockInfoAsync(new GetBlockInfoRequest { BlockHash = tipHash, SidechainId = Slot, MaxAncestors = 999 })).Infos;
        var connected = await ReadAsync(subscription.ResponseStream, (int)(infos[0].HeaderInfo.Height - start));
        connected.Should().OnlyContain(e => e.EventCase == ConnectCase.ConnectBlock);
        connected.Select(e => e.ConnectBlock.HeaderInfo.Height).Should().Equal(Enumerable.Range((int)start + 1, connected.Count).Select(h => (uint)h));
        var byHash = infos.ToDictionary(i => i.HeaderInfo.BlockHash.Hex);
        foreach (var e in connected)
        {
            var info = byHash[e.ConnectBlock.HeaderInfo.BlockHash.Hex];
            e.ConnectBlock.HeaderInfo.Should().Be(info.HeaderInfo);
            e.ConnectBlock.BlockInfo.Should().Be(info.BlockInfo);
        }
        connected.SelectMany(e => e.ConnectBlock.BlockInfo.Events).Select(e => e.EventCase).Should().Contain(
            [BlockInfo.Types.Event.EventOneofCase.Deposit, BlockInfo.Types.Event.EventOneofCase.WithdrawalBundle]);

        // Reorg: invalidating the first bundle block disconnects the ten, newest first; balance and CTIP are back.
        await _node.Rpc.CallAsync("invalidateblock", bundleBlocks[0]);
        var disconnected = await ReadAsync(subscription.ResponseStream, bundleBlocks.Count);

        disconnected.Should().OnlyContain(e => e.EventCase == ConnectCase.DisconnectBlock);
        disconnected.Select(e => e.DisconnectBlock.BlockHash.Hex).Should().Equal(Enumerable.Reverse(bundleBlocks));
        (await validator.GetChainTipAsync(new GetChainTipRequest())).BlockHeaderInfo.Height.Should().Be(heightBefore);
        (await validator.GetCtipAsync(new GetCtipRequest { SidechainNumber = Slot })).Ctip.Should().Be(depositCtip);
        (await wallet.GetBalanceAsync(new GetBalanceRequest())).Should().Be(balanceBefore);
    }

    private static async Task<List<SubscribeEventsResponse.Types.Event>> ReadAsync(global::Grpc.Core.IAsyncStreamReader<SubscribeEventsResponse> stream, int count)
    {
        var events = new List<SubscribeEventsResponse.Types.Event>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (events.Count < count && await stream.MoveNext(timeout.Token)) events.Add(stream.Current.Event);
        events.Should().HaveCount(count, "the stream ended early");
        return events;
    }
}
