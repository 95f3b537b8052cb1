using Drivechain.Node.ChainView;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Grpc.Core;
using static Drivechain.Node.Grpc.GrpcFields;

namespace Drivechain.Node.Grpc.Services;

/// <summary>
/// <c>cusf.mainchain.v1.ValidatorService</c> (spec §3): all 14 methods, on an <see cref="IChainView"/> (the node's chain
/// or the sidecar's). Chain and block queries here; sidechain state in <c>.Sidechains.cs</c>; streams and Stop in
/// <c>.Streams.cs</c>.
/// </summary>
public sealed partial class ValidatorGrpcService(IChainView chain, GrpcStopControl stopControl) : ValidatorService.ValidatorServiceBase
{
    public override async Task<GetChainTipResponse> GetChainTip(GetChainTipRequest request, ServerCallContext context) =>
        new() { BlockHeaderInfo = GrpcMessages.HeaderInfo((await chain.GetTipAsync(context.CancellationToken)).Header) };

    public override Task<GetChainInfoResponse> GetChainInfo(GetChainInfoRequest request, ServerCallContext context)
    {
        var p = chain.Params;
        return Task.FromResult(new GetChainInfoResponse
        {
            Network = chain.NetworkName switch
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

    public override async Task<GetBlockHeaderInfoResponse> GetBlockHeaderInfo(GetBlockHeaderInfoRequest request, ServerCallContext context)
    {
        var start = await KnownBlockAsync(request.BlockHash, "block_hash", context.CancellationToken);
        var response = new GetBlockHeaderInfoResponse();
        await foreach (var header in WithAncestorsAsync(start, request.HasMaxAncestors ? request.MaxAncestors : 0, context.CancellationToken))
            response.HeaderInfos.Add(GrpcMessages.HeaderInfo(header));
        return response;
    }

    public override async Task<GetBlockInfoResponse> GetBlockInfo(GetBlockInfoRequest request, ServerCallContext context)
    {
        var start = await KnownBlockAsync(request.BlockHash, "block_hash", context.CancellationToken);
        var slot = Slot(request.SidechainId, "sidechain_id");
        var response = new GetBlockInfoResponse();
        await foreach (var header in WithAncestorsAsync(start, request.HasMaxAncestors ? request.MaxAncestors : 0, context.CancellationToken))
            response.Infos.Add(new GetBlockInfoResponse.Types.Info
            {
                HeaderInfo = GrpcMessages.HeaderInfo(header),
                BlockInfo = GrpcMessages.BlockInfo(await chain.GetBlockEventsAsync(header.Hash, context.CancellationToken), slot),
            });
        return response;
    }

    public override async Task<GetBmmHStarCommitmentResponse> GetBmmHStarCommitment(GetBmmHStarCommitmentRequest request, ServerCallContext context)
    {
        var hash = Hash(request.BlockHash, "block_hash");
        var slot = Slot(request.SidechainId, "sidechain_id");
        if (await chain.GetHeaderAsync(hash, context.CancellationToken) is not { } start)
            return new GetBmmHStarCommitmentResponse { BlockNotFound = new() { BlockHash = GrpcMessages.ReverseHex(hash) } };
        var commitment = new GetBmmHStarCommitmentResponse.Types.Commitment();
        await foreach (var header in WithAncestorsAsync(start, request.HasMaxAncestors ? request.MaxAncestors : 0, context.CancellationToken))
        {
            var h = (await chain.GetBlockEventsAsync(header.Hash, context.CancellationToken)).BmmAccepts.Where(a => a.Slot == slot)
                .Select(a => GrpcMessages.ConsensusHex(a.SidechainBlockHash)).FirstOrDefault();
            if (header == start) commitment.Commitment_ = h;
            else commitment.AncestorCommitments.Add(new GetBmmHStarCommitmentResponse.Types.OptionalCommitment { Commitment = h });
        }
        return new GetBmmHStarCommitmentResponse { Commitment = commitment };
    }

    public override async Task<GetTwoWayPegDataResponse> GetTwoWayPegData(GetTwoWayPegDataRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var slot = Slot(request.SidechainId, "sidechain_id");
        var end = await KnownBlockAsync(request.EndBlockHash, "end_block_hash", cancellationToken);
        var start = request.StartBlockHash is null ? null : await KnownBlockAsync(request.StartBlockHash, "start_block_hash", cancellationToken);
        var blocks = new List<ChainViewHeader>();
        var header = end;
        for (; header is not null && header.Height > (start?.Height ?? -1); header = await chain.GetHeaderAsync(header.Header.PreviousBlockHash, cancellationToken))
            blocks.Add(header);
        if (start is not null && header?.Hash != start.Hash)
            throw Invalid($"start_block_hash {start.Hash} is not an ancestor of end_block_hash {end.Hash}");
        var response = new GetTwoWayPegDataResponse();
        for (var i = blocks.Count - 1; i >= 0; i--)
            response.Blocks.Add(new GetTwoWayPegDataResponse.Types.ResponseItem
            {
                BlockHeaderInfo = GrpcMessages.HeaderInfo(blocks[i]),
                BlockInfo = GrpcMessages.BlockInfo(await chain.GetBlockEventsAsync(blocks[i].Hash, cancellationToken), slot),
            });
        return response;
    }

    private async Task<ChainViewHeader> KnownBlockAsync(Protos.Common.V1.ReverseHex? field, string name, CancellationToken cancellationToken)
    {
        var hash = Hash(field, name);
        return await chain.GetHeaderAsync(hash, cancellationToken) ?? throw NotFound($"{name}: block {hash} is not known to this node");
    }

    /// <summary>The block, then its parent, …: at most <paramref name="maxAncestors"/> more, stopping at genesis (newest first).</summary>
    private async IAsyncEnumerable<ChainViewHeader> WithAncestorsAsync(ChainViewHeader block, uint maxAncestors,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var header = block;
        for (long i = 0; i <= maxAncestors && header is not null; i++)
        {
            yield return header;
            if (i < maxAncestors) header = await chain.GetHeaderAsync(header.Header.PreviousBlockHash, cancellationToken);
        }
    }
}
