using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;
using Drivechain.Node.Grpc.Protos.Common.V1;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Drivechain.Node.Hosting;
using Grpc.Core;

namespace Drivechain.Node.Grpc.Services;

/// <summary>
/// <c>cusf.mainchain.v1.ValidatorService</c> (spec §3). Served so far: GetChainTip and GetBlockHeaderInfo; the other
/// methods answer UNIMPLEMENTED from the generated base class.
/// </summary>
public sealed class ValidatorGrpcService(NodeChain node) : ValidatorService.ValidatorServiceBase
{
    public override Task<GetChainTipResponse> GetChainTip(GetChainTipRequest request, ServerCallContext context) =>
        Task.FromResult(new GetChainTipResponse { BlockHeaderInfo = HeaderInfo(LoadedChain().Tip) });

    public override Task<GetBlockHeaderInfoResponse> GetBlockHeaderInfo(GetBlockHeaderInfoRequest request, ServerCallContext context)
    {
        var hex = request.BlockHash?.Hex ?? throw Invalid("block_hash is required (cusf.common.v1.ReverseHex with hex set)");
        if (!UInt256.TryParse(hex, out var hash)) throw Invalid($"block_hash '{hex}' is not a 64-digit hex block hash");
        var index = LoadedChain().GetBlockIndex(hash)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"block {hash} is not known to this node"));
        var response = new GetBlockHeaderInfoResponse();
        response.HeaderInfos.Add(HeaderInfo(index));
        return Task.FromResult(response);
    }

    private ChainManager LoadedChain() =>
        node.IsLoaded ? node.Chain : throw new RpcException(new Status(StatusCode.Unavailable, "the node is still loading its chain; retry shortly"));

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    private static BlockHeaderInfo HeaderInfo(BlockIndex index) => new()
    {
        BlockHash = new ReverseHex { Hex = index.Hash.ToString() },
        PrevBlockHash = new ReverseHex { Hex = index.Header.PreviousBlockHash.ToString() },
        Height = (uint)index.Height,
        Work = new ConsensusHex { Hex = Convert.ToHexStringLower(index.ChainWork.ToByteArray(isUnsigned: true, isBigEndian: true)) },
        Timestamp = index.Header.Time,
    };
}
