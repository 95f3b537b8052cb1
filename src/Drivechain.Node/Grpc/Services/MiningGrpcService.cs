using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Grpc.Core;
using static Drivechain.Node.Grpc.GrpcFields;

namespace Drivechain.Node.Grpc.Services;

/// <summary>
/// <c>cusf.mainchain.v1.MiningService</c> (spec §5; served on regtest and signet only): mines like RPC
/// <c>generatetoaddress</c> — the node's miner with the policy's drivechain coinbase messages and M8s — taking the node
/// lock once per block so other calls proceed between blocks.
/// </summary>
public sealed class MiningGrpcService(GrpcNode grpc) : MiningService.MiningServiceBase
{
    /// <summary>Nonces tried per block before giving up (Core's generate default).</summary>
    public const long MaxTries = 1_000_000;

    public override async Task<GenerateToAddressResponse> GenerateToAddress(GenerateToAddressRequest request, ServerCallContext context)
    {
        var blocks = Required(request.Blocks, "blocks");
        if (!Address.TryParse(request.Address, grpc.Chain.Network, out var address))
            throw Invalid($"address '{request.Address}' is not a valid {grpc.Chain.Network.Name} address");
        var response = new GenerateToAddressResponse();
        for (var i = 0u; i < blocks; i++)
        {
            var block = await grpc.LockedAsync(() => grpc.Miner.MineOne(address.ScriptPubKey, MaxTries), context.CancellationToken)
                ?? throw new RpcException(new Status(StatusCode.Internal, $"no proof of work found in {MaxTries} nonces after {i} blocks"));
            response.BlockHashes.Add(GrpcMessages.ReverseHex(block.Hash));
        }
        return response;
    }
}
