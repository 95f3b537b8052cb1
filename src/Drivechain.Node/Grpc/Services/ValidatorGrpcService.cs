using Drivechain.Node.Chain;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Grpc.Core;
using static Drivechain.Node.Grpc.GrpcFields;

namespace Drivechain.Node.Grpc.Services;

/// <summary>
/// <c>cusf.mainchain.v1.ValidatorService</c> (spec §3): all 14 methods. Chain and block queries here; sidechain state in
/// <c>.Sidechains.cs</c>; streams and Stop in <c>.Streams.cs</c>.
/// </summary>
public sealed partial class ValidatorGrpcService(GrpcNode grpc) : ValidatorService.ValidatorServiceBase
{
    public override Task<GetChainTipResponse> GetChainTip(GetChainTipRequest request, ServerCallContext context) =>
        Task.FromResult(new GetChainTipResponse { BlockHeaderInfo = GrpcMessages.HeaderInfo(grpc.Chain.Tip) });

    public override Task<GetChainInfoResponse> GetChainInfo(GetChainInfoRequest request, ServerCallContext context)
    {
        var p = grpc.Node.Params;
        return Task.FromResult(new GetChainInfoResponse
        {
            Network = grpc.Node.Network.Name switch
            {
                "main" => Network.Mainnet,
                "regtest" => Network.Regtest,
                "signet" => Network.Signet,
                "test" or "testnet4" => Network.Testnet,
                _ => Network.Unknown,
            },
            Bip300Constants = new GetChainInfoResponse.Types.Bip300Constants
            {
                WithdrawalBundleMaxAge = (uint)p.WithdrawalBundleMaxAge,
                WithdrawalBundleInclusionThreshold = (uint)p.WithdrawalBundleInclusionThreshold,
                UsedSidechainSlotProposalMaxAge = (uint)p.UsedSlotProposalMaxAge,
                UsedSidechainSlotActivationThreshold = (uint)p.UsedSlotActivationThreshold,
                UnusedSidechainSlotProposalMaxAge = (uint)p.UnusedSlotProposalMaxAge,
                UnusedSidechainSlotActivationThreshold = (uint)p.UnusedSlotActivationThreshold,
                ActivationHeight = (uint)p.ActivationHeight,
            },
        });
    }

    public override Task<GetBlockHeaderInfoResponse> GetBlockHeaderInfo(GetBlockHeaderInfoRequest request, ServerCallContext context)
    {
        var response = new GetBlockHeaderInfoResponse();
        foreach (var index in WithAncestors(KnownBlock(request.BlockHash, "block_hash"), request.HasMaxAncestors ? request.MaxAncestors : 0))
            response.HeaderInfos.Add(GrpcMessages.HeaderInfo(index));
        return Task.FromResult(response);
    }

    public override async Task<GetBlockInfoResponse> GetBlockInfo(GetBlockInfoRequest request, ServerCallContext context)
    {
        var start = KnownBlock(request.BlockHash, "block_hash");
        var slot = Slot(request.SidechainId, "sidechain_id");
        await grpc.BlockEventsCaughtUpAsync(context.CancellationToken);
        var response = new GetBlockInfoResponse();
        foreach (var index in WithAncestors(start, request.HasMaxAncestors ? request.MaxAncestors : 0))
            response.Infos.Add(new GetBlockInfoResponse.Types.Info
            {
                HeaderInfo = GrpcMessages.HeaderInfo(index),
                BlockInfo = GrpcMessages.BlockInfo(grpc.BlockEvents.Get(index.Hash), slot),
            });
        return response;
    }

    public override async Task<GetBmmHStarCommitmentResponse> GetBmmHStarCommitment(GetBmmHStarCommitmentRequest request, ServerCallContext context)
    {
        var hash = Hash(request.BlockHash, "block_hash");
        var slot = Slot(request.SidechainId, "sidechain_id");
        if (grpc.Chain.GetBlockIndex(hash) is not { } start)
            return new GetBmmHStarCommitmentResponse { BlockNotFound = new() { BlockHash = GrpcMessages.ReverseHex(hash) } };
        await grpc.BlockEventsCaughtUpAsync(context.CancellationToken);
        var commitment = new GetBmmHStarCommitmentResponse.Types.Commitment();
        foreach (var index in WithAncestors(start, request.HasMaxAncestors ? request.MaxAncestors : 0))
        {
            var h = grpc.BlockEvents.Get(index.Hash).BmmAccepts.Where(a => a.Slot == slot)
                .Select(a => GrpcMessages.ConsensusHex(a.SidechainBlockHash)).FirstOrDefault();
            if (index == start) commitment.Commitment_ = h;
            else commitment.AncestorCommitments.Add(new GetBmmHStarCommitmentResponse.Types.OptionalCommitment { Commitment = h });
        }
        return new GetBmmHStarCommitmentResponse { Commitment = commitment };
    }

    public override async Task<GetTwoWayPegDataResponse> GetTwoWayPegData(GetTwoWayPegDataRequest request, ServerCallContext context)
    {
        var slot = Slot(request.SidechainId, "sidechain_id");
        var end = KnownBlock(request.EndBlockHash, "end_block_hash");
        var start = request.StartBlockHash is null ? null : KnownBlock(request.StartBlockHash, "start_block_hash");
        if (start is not null && end.GetAncestor(start.Height) != start)
            throw Invalid($"start_block_hash {start.Hash} is not an ancestor of end_block_hash {end.Hash}");
        await grpc.BlockEventsCaughtUpAsync(context.CancellationToken);
        var blocks = new List<BlockIndex>();
        for (var index = end; index is not null && index != start; index = index.Parent) blocks.Add(index);
        var response = new GetTwoWayPegDataResponse();
        for (var i = blocks.Count - 1; i >= 0; i--)
            response.Blocks.Add(new GetTwoWayPegDataResponse.Types.ResponseItem
            {
                BlockHeaderInfo = GrpcMessages.HeaderInfo(blocks[i]),
                BlockInfo = GrpcMessages.BlockInfo(grpc.BlockEvents.Get(blocks[i].Hash), slot),
            });
        return response;
    }

    private BlockIndex KnownBlock(Protos.Common.V1.ReverseHex? field, string name)
    {
        var hash = Hash(field, name);
        return grpc.Chain.GetBlockIndex(hash) ?? throw NotFound($"{name}: block {hash} is not known to this node");
    }

    /// <summary>The block, then its parent, …: at most <paramref name="maxAncestors"/> more, stopping at genesis (newest first).</summary>
    private static IEnumerable<BlockIndex> WithAncestors(BlockIndex block, uint maxAncestors)
    {
        var index = block;
        for (long i = 0; i <= maxAncestors && index is not null; i++, index = index.Parent) yield return index;
    }
}
