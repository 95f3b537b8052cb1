using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.State;
using Drivechain.Node.Chain;

namespace Drivechain.Node.Hosting;

/// <summary>
/// Rebuilds per-block drivechain facts for observers of the chain (dashboard history, gRPC block events): replays the
/// active chain up to a tip through the pure validator, from the empty state at the activation height.
/// </summary>
public static class ActiveChainReplay
{
    /// <summary>Calls <paramref name="onBlock"/> for every replayed block, oldest first; returns the state at <paramref name="tip"/>.</summary>
    public static DrivechainState Run(NodeChain node, BlockIndex tip, Action<Block, int, ConnectOutcome.Accepted> onBlock)
    {
        var state = DrivechainState.Empty;
        for (var height = Math.Max(1, node.Params.ActivationHeight); height <= tip.Height; height++)
        {
            var index = tip.GetAncestor(height)!;
            var block = node.Chain.GetBlock(index.Hash) ?? throw new InvalidOperationException($"block {index.Hash} of the active chain is not stored");
            if (node.Validator.Connect(state, block, height) is not ConnectOutcome.Accepted accepted)
                throw new InvalidOperationException($"block {index.Hash} of the active chain does not connect on replay");
            state = accepted.State;
            onBlock(block, height, accepted);
        }
        return state;
    }
}
