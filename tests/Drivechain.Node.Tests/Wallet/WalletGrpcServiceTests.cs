using Drivechain.Node.Grpc.Protos.Common.V1;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Drivechain.Node.Tests.Wallet;

/// <summary>
/// cusf.mainchain.v1.WalletService with a real gRPC client against the real executable: every method, the locked and
/// missing-field errors, and the sidechain flow (deposit → CTIP, BMM request, blinded bundle handed to the miner).
/// </summary>
public sealed class WalletGrpcServiceTests : RunningNodeTests
{
    private const uint Slot = 1;
    private GrpcChannel _channel = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _channel = GrpcChannel.ForAddress(await Node.GrpcAddress.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    public override async Task DisposeAsync()
    {
        _channel.Dispose();
        await base.DisposeAsync();
    }

    private WalletService.WalletServiceClient Wallet => new(_channel);

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        var act = call;
        return (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode;
    }

    [Fact]
    public async Task A_locked_wallet_refuses_to_spend_until_unlocked_and_then_sends()
    {
        (await StatusOf(async () => await Wallet.GetBalanceAsync(new GetBalanceRequest()))).Should().Be(StatusCode.FailedPrecondition);
        await Wallet.CreateWalletAsync(new CreateWalletRequest { Password = "pw" });
        var address = (await Wallet.CreateNewAddressAsync(new CreateNewAddressRequest())).Address;
        await Node.Rpc.CallAsync("generatetoaddress", 101, address);

        var balance = await Wallet.GetBalanceAsync(new GetBalanceRequest());
        balance.ConfirmedSats.Should().Be(50 * 100_000_000UL);
        var send = new SendTransactionRequest { FeeRate = new SendTransactionRequest.Types.FeeRate { SatPerVbyte = 3 } };
        send.Destinations[RegtestDrivechainSteps.PayoutAddress] = 100_000_000;
        (await StatusOf(async () => await Wallet.SendTransactionAsync(send))).Should().Be(StatusCode.FailedPrecondition);
        (await StatusOf(async () => await Wallet.UnlockWalletAsync(new UnlockWalletRequest { Password = "nope" }))).Should().Be(StatusCode.InvalidArgument);

        await Wallet.UnlockWalletAsync(new UnlockWalletRequest { Password = "pw" });
        var txid = (await Wallet.SendTransactionAsync(send)).Txid.Hex;

        var listed = (await Wallet.ListTransactionsAsync(new ListTransactionsRequest())).Transactions.Single(t => t.Txid.Hex == txid);
        listed.SentSats.Should().Be(50 * 100_000_000UL);
        listed.FeeSats.Should().BeGreaterThan(0);
        listed.ConfirmationInfo.Should().BeNull();
        (await Wallet.ListUnspentOutputsAsync(new ListUnspentOutputsRequest())).Outputs.Should().Contain(o => o.Txid.Hex == txid && o.IsInternal && !o.IsConfirmed);
        var info = await Wallet.GetInfoAsync(new GetInfoRequest());
        info.Network.Should().Be("regtest");
        info.Tip.Height.Should().Be(101);
        info.SyncSource.Kind.Should().Be(GetInfoResponse.Types.SyncSource.Types.Kind.Disabled);
        info.Descriptors["receive"].Should().StartWith("wpkh([");
        (await Wallet.FullScanAsync(new FullScanRequest())).TipHash.Hex.Should().Be(info.Tip.Hash.Hex);
        (await StatusOf(async () => await Wallet.CreateWalletAsync(new CreateWalletRequest()))).Should().Be(StatusCode.AlreadyExists);
    }

    [Fact]
    public async Task Sidechain_flow_deposit_bmm_request_and_bundle_through_the_wallet_service()
    {
        await Wallet.CreateWalletAsync(new CreateWalletRequest
        {
            MnemonicWords = { "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about".Split(' ') },
        });
        var address = (await Wallet.CreateNewAddressAsync(new CreateNewAddressRequest())).Address;
        await Node.Rpc.CallAsync("generatetoaddress", 101, address);
        await new RegtestDrivechainSteps(Node.Rpc).ProposeSidechainAsync((int)Slot, "Thunder", "gRPC wallet");
        await Node.Rpc.CallAsync("generatetoaddress", 7, address);

        (await StatusOf(async () => await Wallet.CreateDepositTransactionAsync(new CreateDepositTransactionRequest { SidechainId = Slot, Address = "x", ValueSats = 1 })))
            .Should().Be(StatusCode.InvalidArgument, "fee_sats is missing");
        (await StatusOf(async () => await Wallet.CreateDepositTransactionAsync(new CreateDepositTransactionRequest { SidechainId = 9, Address = "x", ValueSats = 1, FeeSats = 1000 })))
            .Should().Be(StatusCode.InvalidArgument, "slot 9 is inactive");
        var deposit = await Wallet.CreateDepositTransactionAsync(new CreateDepositTransactionRequest
        {
            SidechainId = Slot, Address = "sidechain-address", ValueSats = 7 * 100_000_000UL, FeeSats = 5000,
        });
        await Node.Rpc.CallAsync("generatetoaddress", 1, address);
        var ctip = (await Node.Rpc.CallAsync("getctip", (int)Slot))!;
        ctip["txid"]!.GetValue<string>().Should().Be(deposit.Txid.Hex);
        ctip["value"]!.GetValue<decimal>().Should().Be(7m);
        var deposits = (await Wallet.ListSidechainDepositTransactionsAsync(new ListSidechainDepositTransactionsRequest())).Transactions;
        deposits.Should().ContainSingle().Which.SidechainNumber.Should().Be(Slot);
        deposits[0].Tx.FeeSats.Should().Be(5000);

        var tip = (await Node.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>();
        var bmm = new CreateBmmCriticalDataTransactionRequest
        {
            SidechainId = Slot, ValueSats = 20_000, Height = 1,
            CriticalHash = new ConsensusHex { Hex = new string('b', 64) }, PrevBytes = new ReverseHex { Hex = new string('0', 64) },
        };
        (await StatusOf(async () => await Wallet.CreateBmmCriticalDataTransactionAsync(bmm))).Should().Be(StatusCode.InvalidArgument, "prev_bytes is stale");
        bmm.PrevBytes = new ReverseHex { Hex = tip };
        var bmmTxid = (await Wallet.CreateBmmCriticalDataTransactionAsync(bmm)).Txid.Hex;
        (await Node.Rpc.CallAsync("getrawmempool"))!.AsArray().Select(t => t!.GetValue<string>()).Should().Contain(bmmTxid);

        var blinded = RegtestDrivechainSteps.BlindedBundle(100_000_000, 10_000);
        (await StatusOf(async () => await Wallet.BroadcastWithdrawalBundleAsync(new BroadcastWithdrawalBundleRequest
            { SidechainId = Slot, Transaction = Google.Protobuf.ByteString.CopyFrom([1, 2, 3]) }))).Should().Be(StatusCode.InvalidArgument);
        await Wallet.BroadcastWithdrawalBundleAsync(new BroadcastWithdrawalBundleRequest
        {
            SidechainId = Slot, Transaction = Google.Protobuf.ByteString.CopyFrom(blinded.ToBytes()),
        });
        (await Node.Rpc.CallAsync("getminerpolicy"))!["bundles"]!.AsArray().Should().ContainSingle();
    }
}
