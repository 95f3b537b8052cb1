using Drivechain.Node.Grpc.Protos.Common.V1;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Grpc.Core;
using static Drivechain.Node.Tests.Grpc.ValidatorServiceTests;

namespace Drivechain.Node.Tests.Grpc;

/// <summary>BlockProducerService and MiningService (spec §5) on the node's miner policy and miner.</summary>
public sealed class BlockProducerServiceTests : IAsyncLifetime
{
    private const string OtherAddress = "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080";
    private GrpcScenario _s = null!;
    private BlockProducerService.BlockProducerServiceClient Producer => new(_s.Channel);
    private MiningService.MiningServiceClient Mining => new(_s.Channel);

    public async Task InitializeAsync() => _s = await GrpcScenario.StartAsync(blocks: 1);

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private static SidechainDeclaration Declaration(string title) => new()
    {
        V0 = new SidechainDeclaration.Types.V0
        {
            Title = title, Description = "a test sidechain",
            HashId1 = new ConsensusHex { Hex = new string('1', 64) }, HashId2 = new Hex { Hex_ = new string('2', 40) },
        },
    };

    [Fact]
    public async Task A_created_proposal_streams_confirmed_with_its_coinbase_outpoint_when_a_block_carries_it()
    {
        using var call = Producer.CreateSidechainProposal(new CreateSidechainProposalRequest { SidechainId = 7, Declaration = Declaration("Seven") });
        await call.ResponseHeadersAsync;

        var mined = await Mining.GenerateToAddressAsync(new GenerateToAddressRequest { Blocks = 1, Address = OtherAddress });
        var events = new List<CreateSidechainProposalResponse>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) events.Add(call.ResponseStream.Current);

        var confirmed = events.Should().ContainSingle().Subject.Confirmed;
        confirmed.BlockHash.Should().Be(mined.BlockHashes[0]);
        confirmed.Height.Should().Be(2);
        confirmed.Confirmations.Should().Be(1);
        var coinbase = (await _s.Node.Block(mined.BlockHashes[0].Hex))["tx"]![0]!;
        confirmed.Outpoint.Txid.Hex.Should().Be(coinbase["txid"]!.GetValue<string>());
        coinbase["vout"]![(int)confirmed.Outpoint.Vout!.Value]!["scriptPubKey"]!["hex"]!.GetValue<string>().Should().StartWith("6a").And.Contain("d5e0c4af07");
        var proposal = (await _s.Validator.GetSidechainProposalsAsync(new GetSidechainProposalsRequest())).SidechainProposals.Should().ContainSingle().Subject;
        proposal.SidechainNumber.Should().Be(7);
        proposal.Declaration.Should().Be(Declaration("Seven"));
        proposal.ProposalHeight.Should().Be(2);
    }

    [Fact]
    public async Task Policy_changes_show_in_the_block_producer_state()
    {
        await Producer.SetAckAllProposalsAsync(new SetAckAllProposalsRequest { AckAll = false });
        await Producer.SubmitSidechainProposalAsync(new SubmitSidechainProposalRequest { SidechainId = 3, Declaration = Declaration("Three") });
        var queued = await Producer.GetBlockProducerStateAsync(new GetBlockProducerStateRequest());
        await _s.Mine(1);
        var hash = queued.PendingProposals[0].DescriptionSha256DHash;

        await Producer.SetSidechainAckAsync(new SetSidechainAckRequest { SidechainNumber = 3, DescriptionSha256DHash = hash, Ack = true });
        var acked = await Producer.GetBlockProducerStateAsync(new GetBlockProducerStateRequest());
        await Producer.SetSidechainAckAsync(new SetSidechainAckRequest { SidechainNumber = 3, DescriptionSha256DHash = hash, Ack = false });
        var cleared = await Producer.GetBlockProducerStateAsync(new GetBlockProducerStateRequest());

        queued.AckAllProposals.Should().BeFalse();
        queued.PendingProposals.Should().ContainSingle().Which.Declaration.Should().Be(Declaration("Three"));
        acked.PendingProposals.Should().BeEmpty("the proposal is on chain now");
        acked.ExplicitAcks.Should().ContainSingle().Which.Should().Be(new SidechainAck { SidechainNumber = 3, DescriptionSha256DHash = hash });
        cleared.ExplicitAcks.Should().BeEmpty();
    }

    [Fact]
    public async Task Acking_an_unknown_proposal_and_bad_declarations_get_clear_statuses()
    {
        var unknown = await Fails(Producer.SetSidechainAckAsync(new SetSidechainAckRequest { SidechainNumber = 3, DescriptionSha256DHash = GrpcScenario.Hash(new string('4', 64)), Ack = true }).ResponseAsync);
        var noDeclaration = await Fails(Producer.SubmitSidechainProposalAsync(new SubmitSidechainProposalRequest { SidechainId = 3 }).ResponseAsync);
        var badHashId = Declaration("x");
        badHashId.V0.HashId2 = new Hex { Hex_ = "00" };
        var shortHashId = await Fails(Producer.SubmitSidechainProposalAsync(new SubmitSidechainProposalRequest { SidechainId = 3, Declaration = badHashId }).ResponseAsync);

        unknown.Should().Match<Status>(s => s.StatusCode == StatusCode.NotFound && s.Detail.Contains(new string('4', 64)));
        noDeclaration.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("declaration"));
        shortHashId.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("hash_id_2"));
    }

    [Fact]
    public async Task Generate_to_address_mines_like_the_rpc_and_refuses_bad_input()
    {
        var mined = await Mining.GenerateToAddressAsync(new GenerateToAddressRequest { Blocks = 3, Address = OtherAddress });
        var noCount = await Fails(Mining.GenerateToAddressAsync(new GenerateToAddressRequest { Address = OtherAddress }).ResponseAsync);
        var badAddress = await Fails(Mining.GenerateToAddressAsync(new GenerateToAddressRequest { Blocks = 1, Address = "tb1qnotanaddress" }).ResponseAsync);

        mined.BlockHashes.Should().HaveCount(3);
        mined.BlockHashes[^1].Hex.Should().Be(await _s.TipHash());
        noCount.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("blocks"));
        badAddress.Should().Match<Status>(s => s.StatusCode == StatusCode.InvalidArgument && s.Detail.Contains("tb1qnotanaddress"));
    }
}
