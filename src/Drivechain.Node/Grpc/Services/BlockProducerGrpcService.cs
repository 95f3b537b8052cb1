using System.Text;
using Drivechain.Consensus;
using Drivechain.Consensus.Messages;
using Drivechain.Node.ChainView;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Drivechain.Consensus.Description;
using Grpc.Core;
using static Drivechain.Node.Grpc.GrpcFields;

namespace Drivechain.Node.Grpc.Services;

/// <summary>
/// <c>cusf.mainchain.v1.BlockProducerService</c> (spec §5) on the miner policy, as RPC <c>proposesidechain</c>,
/// <c>setsidechainack</c> and <c>setackallproposals</c> do; it reads the chain through the <see cref="IChainView"/>.
/// Served by the node only (the sidecar has no miner).
/// </summary>
public sealed class BlockProducerGrpcService(GrpcNode grpc, IChainView chain) : BlockProducerService.BlockProducerServiceBase
{
    /// <summary>
    /// Queues the M1, then streams one event per connected block: NotConfirmed while blocks do not carry it, Confirmed
    /// (with the coinbase outpoint) for the block that does — the stream ends there.
    /// </summary>
    public override async Task CreateSidechainProposal(CreateSidechainProposalRequest request,
        IServerStreamWriter<CreateSidechainProposalResponse> responseStream, ServerCallContext context)
    {
        var m1 = Proposal(request.SidechainId, request.Declaration);
        using var subscription = chain.Subscribe($"grpc CreateSidechainProposal {context.Peer}");
        await grpc.LockedAsync(() => grpc.Policy.QueueProposal(m1), context.CancellationToken);
        await context.WriteResponseHeadersAsync([]);   // queued: the client may mine now
        await ValidatorGrpcService.ForwardAsync(subscription, change => ValueTask.FromResult(Progress(change, m1)), responseStream,
            context.CancellationToken, isLast: r => r.EventCase == CreateSidechainProposalResponse.EventOneofCase.Confirmed);
    }

    /// <summary>NotConfirmed for a connected block without the M1, Confirmed for the one with it; null for a disconnect.</summary>
    private static CreateSidechainProposalResponse? Progress(ChainViewChange change, M1ProposeSidechain m1)
    {
        if (change is not ChainViewChange.Connected c) return null;
        var header = new { Hash = GrpcMessages.ReverseHex(c.Hash), Prev = GrpcMessages.ReverseHex(c.Header.Header.PreviousBlockHash), Height = (uint)c.Header.Height };
        var proposed = c.Events.OfType<DrivechainEvent.SidechainProposed>().FirstOrDefault(p => p.Slot == m1.Slot && p.DescriptionHash == m1.DescriptionHash);
        if (proposed is null)
            return new CreateSidechainProposalResponse { NotConfirmed = new() { BlockHash = header.Hash, PrevBlockHash = header.Prev, Height = header.Height } };
        return new CreateSidechainProposalResponse
        {
            Confirmed = new()
            {
                BlockHash = header.Hash, PrevBlockHash = header.Prev, Height = header.Height, Confirmations = 1,
                Outpoint = new OutPoint { Txid = GrpcMessages.ReverseHex(c.Block.Transactions[0].TxId), Vout = (uint)proposed.Vout },
            },
        };
    }

    public override async Task<SubmitSidechainProposalResponse> SubmitSidechainProposal(SubmitSidechainProposalRequest request, ServerCallContext context)
    {
        var m1 = Proposal(request.SidechainId, request.Declaration);
        await grpc.LockedAsync(() => grpc.Policy.QueueProposal(m1), context.CancellationToken);
        return new SubmitSidechainProposalResponse();
    }

    public override async Task<SetSidechainAckResponse> SetSidechainAck(SetSidechainAckRequest request, ServerCallContext context)
    {
        var slot = Slot(request.SidechainNumber, "sidechain_number");
        var hash = Hash(request.DescriptionSha256DHash, "description_sha256d_hash");
        var state = (await chain.GetTipAsync(context.CancellationToken)).State;
        await grpc.LockedAsync(() =>
        {
            if (!request.Ack) return grpc.Policy.ExplicitAcks.TryGetValue(slot, out var acked) && acked == hash && grpc.Policy.ClearAck(slot);
            if (!state.GetProposals(slot).Any(p => p.DescriptionHash == hash))
                throw NotFound($"no pending sidechain proposal {hash} in slot {slot}");
            grpc.Policy.SetAck(slot, hash);
            return true;
        }, context.CancellationToken);
        return new SetSidechainAckResponse();
    }

    public override async Task<SetAckAllProposalsResponse> SetAckAllProposals(SetAckAllProposalsRequest request, ServerCallContext context)
    {
        await grpc.LockedAsync(() => grpc.Policy.AckAllProposals = request.AckAll, context.CancellationToken);
        return new SetAckAllProposalsResponse();
    }

    public override Task<GetBlockProducerStateResponse> GetBlockProducerState(GetBlockProducerStateRequest request, ServerCallContext context) =>
        grpc.LockedAsync(() =>
        {
            var response = new GetBlockProducerStateResponse { AckAllProposals = grpc.Policy.AckAllProposals };
            foreach (var m1 in grpc.Policy.QueuedProposals)
                response.PendingProposals.Add(new PendingSidechainProposal
                {
                    SidechainNumber = m1.Slot,
                    DescriptionSha256DHash = GrpcMessages.ReverseHex(m1.DescriptionHash),
                    Declaration = GrpcMessages.Declaration(m1.Description),
                    Description = GrpcMessages.Hex(m1.Description.AsSpan()),
                });
            foreach (var (slot, hash) in grpc.Policy.ExplicitAcks.OrderBy(a => a.Key))
                response.ExplicitAcks.Add(new SidechainAck { SidechainNumber = slot, DescriptionSha256DHash = GrpcMessages.ReverseHex(hash) });
            return response;
        }, context.CancellationToken);

    /// <summary>The M1 of a version-0 declaration: 00 ‖ title length ‖ title ‖ description ‖ hash ID 1 (32) ‖ hash ID 2 (20).</summary>
    private static M1ProposeSidechain Proposal(uint? sidechainId, SidechainDeclaration? declaration)
    {
        var slot = Slot(sidechainId, "sidechain_id");
        var v0 = declaration?.V0 ?? throw Invalid("declaration is required (cusf.mainchain.v1.SidechainDeclaration with v0 set)");
        var title = v0.Title ?? throw Invalid("declaration.v0.title is required");
        if (Encoding.UTF8.GetByteCount(title) > 255) throw Invalid("declaration.v0.title is longer than 255 bytes");
        var description = v0.Description ?? throw Invalid("declaration.v0.description is required");
        var hashId1 = Fixed(v0.HashId1, "declaration.v0.hash_id_1", 32);
        var hashId2 = Bytes(v0.HashId2, "declaration.v0.hash_id_2");
        if (hashId2.Length != 20) throw Invalid($"declaration.v0.hash_id_2 must be 20 bytes, got {hashId2.Length}");
        return new M1ProposeSidechain(slot, [.. new SidechainDeclarationV0(title, description, hashId1, hashId2).ToBytes()]);
    }
}
