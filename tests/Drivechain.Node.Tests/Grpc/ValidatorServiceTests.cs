using System.Numerics;
using Drivechain.Node.Grpc.Protos.Common.V1;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Grpc.Core;

namespace Drivechain.Node.Tests.Grpc;

/// <summary>ValidatorService queries against a real server through Grpc.Net.Client (spec §3).</summary>
public sealed class ValidatorServiceTests(GrpcScenarioFixture fixture) : IClassFixture<GrpcScenarioFixture>
{
    private GrpcScenario S => fixture.Scenario;

    [Fact]
    public async Task Chain_info_reports_regtest_and_the_nodes_bip300_parameters()
    {
        var info = await S.Validator.GetChainInfoAsync(new GetChainInfoRequest());

        info.Network.Should().Be(Network.Regtest);
        info.Bip300Constants.Should().BeEquivalentTo(new GetChainInfoResponse.Types.Bip300Constants
        {
            WithdrawalBundleMaxAge = 10, WithdrawalBundleInclusionThreshold = 5,
            UsedSidechainSlotProposalMaxAge = 10, UsedSidechainSlotActivationThreshold = 5,
            UnusedSidechainSlotProposalMaxAge = 10, UnusedSidechainSlotActivationThreshold = 5,
            ActivationHeight = 0,
        });
    }

    [Fact]
    public async Task Header_infos_are_the_block_then_its_ancestors_newest_first_stopping_at_genesis()
    {
        var tip = await S.TipHash();
        var tipHeight = (int)(await S.Rpc.CallAsync("getblockcount"))!.GetValue<long>();

        var three = await S.Validator.GetBlockHeaderInfoAsync(new GetBlockHeaderInfoRequest { BlockHash = GrpcScenario.Hash(tip), MaxAncestors = 2 });
        var all = await S.Validator.GetBlockHeaderInfoAsync(new GetBlockHeaderInfoRequest { BlockHash = GrpcScenario.Hash(tip), MaxAncestors = 999 });

        three.HeaderInfos.Select(h => (int)h.Height).Should().Equal(tipHeight, tipHeight - 1, tipHeight - 2);
        three.HeaderInfos[0].BlockHash.Hex.Should().Be(tip);
        three.HeaderInfos[0].PrevBlockHash.Should().Be(three.HeaderInfos[1].BlockHash);
        all.HeaderInfos.Should().HaveCount(tipHeight + 1);
        all.HeaderInfos[^1].Height.Should().Be(0);
    }

    [Fact]
    public async Task Header_info_work_is_that_one_blocks_work_little_endian()
    {
        var tip = await S.TipHash();
        var chainwork = (await S.Rpc.CallAsync("getblockheader", tip))!["chainwork"]!.GetValue<string>();
        var header = (await S.Validator.GetChainTipAsync(new GetChainTipRequest())).BlockHeaderInfo;

        var work = new BigInteger(Convert.FromHexString(header.Work.Hex), isUnsigned: true, isBigEndian: false);

        Convert.FromHexString(header.Work.Hex).Should().HaveCount(32);
        work.Should().Be(2);   // a regtest block (minimum difficulty) is worth 2 hashes
        BigInteger.Parse("0" + chainwork, System.Globalization.NumberStyles.HexNumber).Should().Be(work * (header.Height + 1));
        header.Timestamp.Should().Be((ulong)(await S.Rpc.CallAsync("getblockheader", tip))!["time"]!.GetValue<long>());
    }

    [Fact]
    public async Task Block_info_of_empty_blocks_has_no_events_and_no_commitment()
    {
        var tip = await S.TipHash();

        var infos = await S.Validator.GetBlockInfoAsync(new GetBlockInfoRequest { BlockHash = GrpcScenario.Hash(tip), SidechainId = 0, MaxAncestors = 999 });

        infos.Infos.Should().HaveCountGreaterThan(100);
        infos.Infos.Should().OnlyContain(i => i.BlockInfo.Events.Count == 0 && i.BlockInfo.BmmCommitment == null);
        infos.Infos[0].HeaderInfo.BlockHash.Hex.Should().Be(tip);
    }

    [Fact]
    public async Task Missing_wrappers_malformed_hashes_and_unknown_blocks_get_clear_statuses()
    {
        var tip = GrpcScenario.Hash(await S.TipHash());
        var unknown = GrpcScenario.Hash(new string('1', 64));

        var noSlot = await Fails(S.Validator.GetBlockInfoAsync(new GetBlockInfoRequest { BlockHash = tip }).ResponseAsync);
        var badSlot = await Fails(S.Validator.GetBlockInfoAsync(new GetBlockInfoRequest { BlockHash = tip, SidechainId = 256 }).ResponseAsync);
        var noHash = await Fails(S.Validator.GetBlockInfoAsync(new GetBlockInfoRequest { SidechainId = 1 }).ResponseAsync);
        var emptyWrapper = await Fails(S.Validator.GetBlockInfoAsync(new GetBlockInfoRequest { BlockHash = new ReverseHex(), SidechainId = 1 }).ResponseAsync);
        var malformed = await Fails(S.Validator.GetBlockInfoAsync(new GetBlockInfoRequest { BlockHash = GrpcScenario.Hash("xyz"), SidechainId = 1 }).ResponseAsync);
        var notFound = await Fails(S.Validator.GetBlockInfoAsync(new GetBlockInfoRequest { BlockHash = unknown, SidechainId = 1 }).ResponseAsync);
        var headerNotFound = await Fails(S.Validator.GetBlockHeaderInfoAsync(new GetBlockHeaderInfoRequest { BlockHash = unknown }).ResponseAsync);
        var noCtipSlot = await Fails(S.Validator.GetCtipAsync(new GetCtipRequest()).ResponseAsync);

        noSlot.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("sidechain_id"));
        badSlot.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("256"));
        noHash.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("block_hash"));
        emptyWrapper.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("block_hash"));
        malformed.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("xyz"));
        notFound.Should().Match<Status>(s => s.StatusCode == StatusCode.NotFound && s.Detail.Contains(new string('1', 64)));
        headerNotFound.StatusCode.Should().Be(StatusCode.NotFound);
        noCtipSlot.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("sidechain_number"));
    }

    [Fact]
    public async Task Bmm_commitment_of_an_unknown_block_is_the_block_not_found_result()
    {
        var unknown = new string('2', 64);

        var response = await S.Validator.GetBmmHStarCommitmentAsync(new GetBmmHStarCommitmentRequest { BlockHash = GrpcScenario.Hash(unknown), SidechainId = 1 });

        response.ResultCase.Should().Be(GetBmmHStarCommitmentResponse.ResultOneofCase.BlockNotFound);
        response.BlockNotFound.BlockHash.Hex.Should().Be(unknown);
    }

    [Fact]
    public async Task Bmm_commitment_lists_one_optional_entry_per_ancestor()
    {
        var response = await S.Validator.GetBmmHStarCommitmentAsync(new GetBmmHStarCommitmentRequest
        {
            BlockHash = GrpcScenario.Hash(await S.TipHash()), SidechainId = 3, MaxAncestors = 4,
        });

        response.Commitment.Commitment_.Should().BeNull();
        response.Commitment.AncestorCommitments.Should().HaveCount(4).And.OnlyContain(c => c.Commitment == null);
    }

    [Fact]
    public async Task Two_way_peg_data_runs_oldest_first_from_after_start_to_end()
    {
        var start = (await S.Rpc.CallAsync("getblockhash", 5))!.GetValue<string>();
        var end = (await S.Rpc.CallAsync("getblockhash", 9))!.GetValue<string>();

        var fromStart = await S.Validator.GetTwoWayPegDataAsync(new GetTwoWayPegDataRequest { SidechainId = 0, StartBlockHash = GrpcScenario.Hash(start), EndBlockHash = GrpcScenario.Hash(end) });
        var fromGenesis = await S.Validator.GetTwoWayPegDataAsync(new GetTwoWayPegDataRequest { SidechainId = 0, EndBlockHash = GrpcScenario.Hash(end) });
        var reversed = await Fails(S.Validator.GetTwoWayPegDataAsync(new GetTwoWayPegDataRequest { SidechainId = 0, StartBlockHash = GrpcScenario.Hash(end), EndBlockHash = GrpcScenario.Hash(start) }).ResponseAsync);
        var noEnd = await Fails(S.Validator.GetTwoWayPegDataAsync(new GetTwoWayPegDataRequest { SidechainId = 0 }).ResponseAsync);

        fromStart.Blocks.Select(b => (int)b.BlockHeaderInfo.Height).Should().Equal(6, 7, 8, 9);
        fromStart.Blocks[^1].BlockHeaderInfo.BlockHash.Hex.Should().Be(end);
        fromGenesis.Blocks.Select(b => (int)b.BlockHeaderInfo.Height).Should().Equal(Enumerable.Range(0, 10));
        reversed.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("not an ancestor"));
        noEnd.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("end_block_hash"));
    }

    [Fact]
    public async Task An_unused_slot_has_no_ctip_no_bundles_and_is_not_listed()
    {
        var ctip = await S.Validator.GetCtipAsync(new GetCtipRequest { SidechainNumber = 200 });
        var bundles = await S.Validator.GetWithdrawalBundleProposalsAsync(new GetWithdrawalBundleProposalsRequest { SidechainId = 200 });
        var sidechains = await S.Validator.GetSidechainsAsync(new GetSidechainsRequest());

        ctip.Ctip.Should().BeNull();
        bundles.Proposals.Should().BeEmpty();
        sidechains.Sidechains.Should().NotContain(s => s.SidechainNumber == 200);
    }

    [Fact]
    public async Task Header_sync_progress_starts_with_the_current_height()
    {
        using var call = S.Validator.SubscribeHeaderSyncProgress(new SubscribeHeaderSyncProgressRequest());
        var height = (await S.Rpc.CallAsync("getblockcount"))!.GetValue<long>();

        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();

        call.ResponseStream.Current.CurrentHeight.Should().Be((uint)height);
    }

    [Fact]
    public async Task Coinbase_psbt_carries_the_requested_messages_as_zero_value_outputs_in_order()
    {
        var request = new GetCoinbasePSBTRequest { AckBundles = new() { Upvotes = new() { Upvotes_ = { 1, 0xff } } } };
        request.ProposeSidechains.Add(new GetCoinbasePSBTRequest.Types.ProposeSidechain { SidechainNumber = 9, Data = new ConsensusHex { Hex = "03616263" } });
        request.AckSidechains.Add(new GetCoinbasePSBTRequest.Types.AckSidechain { SidechainNumber = 9, DataHash = new ConsensusHex { Hex = new string('5', 64) } });
        request.ProposeBundles.Add(new GetCoinbasePSBTRequest.Types.ProposeBundle { SidechainNumber = 9, BundleTxid = GrpcScenario.Hash(new string('6', 64)) });

        var psbt = Convert.FromHexString((await S.Validator.GetCoinbasePSBTAsync(request)).Psbt.Hex);
        var missingM4 = await Fails(S.Validator.GetCoinbasePSBTAsync(new GetCoinbasePSBTRequest()).ResponseAsync);
        var badData = await Fails(S.Validator.GetCoinbasePSBTAsync(new GetCoinbasePSBTRequest
        {
            AckBundles = new() { LeadingBy50 = new() },
            ProposeSidechains = { new GetCoinbasePSBTRequest.Types.ProposeSidechain { SidechainNumber = 9, Data = new ConsensusHex { Hex = "05616263" } } },
        }).ResponseAsync);

        Convert.ToHexStringLower(psbt[..7]).Should().Be("70736274ff" + "01" + "00");   // magic, key length 1, PSBT_GLOBAL_UNSIGNED_TX
        var (txHex, scripts, remaining) = ParsePsbt(psbt);
        txHex.Should().StartWith("02000000" + "00" + "04");   // version 2, no inputs, four outputs
        var types = new List<string>();
        foreach (var script in scripts) types.Add((await S.Rpc.CallAsync("decodedrivechainmessage", script))!["type"]!.GetValue<string>());
        types.Should().Equal("M1", "M2", "M3", "M4");
        scripts[0].Should().EndWith("09" + "616263");
        remaining.Should().Be(1 + 4, "the end of the global map, then four empty output maps");
        missingM4.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("ack_bundles"));
        badData.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("propose_sidechains[0].data"));
    }

    /// <summary>The unsigned transaction (hex), its output scripts (all values must be 0) and the bytes after it.</summary>
    private static (string TxHex, List<string> Scripts, int Remaining) ParsePsbt(byte[] psbt)
    {
        var reader = new Bitcoin.Serialization.BitcoinReader(psbt.AsSpan(7));
        reader.TryReadVarBytes(out var tx).Should().BeTrue();
        var scripts = new List<string>();
        var txReader = new Bitcoin.Serialization.BitcoinReader(tx[6..]);
        for (var i = 0; i < 4; i++)
        {
            txReader.TryReadInt64(out var value).Should().BeTrue();
            value.Should().Be(0);
            txReader.TryReadVarBytes(out var script).Should().BeTrue();
            scripts.Add(Convert.ToHexStringLower(script));
        }
        return (Convert.ToHexStringLower(tx), scripts, reader.Remaining);
    }

    internal static async Task<Status> Fails(Task call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => call);
        return e.Status;
    }
}
