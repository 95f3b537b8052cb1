using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Node.Chain;

namespace Drivechain.Cli.Replay;

/// <summary>Fresh in-memory chains for vectors: the network by name, the drivechain parameters with the vector's overrides.</summary>
internal sealed class ChainReplayEngineFactory : IReplayEngineFactory
{
    private static readonly Lazy<ISecp256k1> Secp = new(Secp256k1Provider.CreateDefault);

    public bool TryCreate(VectorParams parameters, out IReplayEngine? engine, out string? error)
    {
        engine = null;
        if (!Network.TryFromName(parameters.Network, out var network))
        {
            error = $"unknown network \"{parameters.Network}\" (expected main, test, testnet4, signet or regtest)";
            return false;
        }
        if (!DrivechainStateView.TryCreateParams(network, parameters, out var drivechainParams, out error)) return false;
        // Default script-check policy: the chain checks in parallel only blocks with enough inputs to pay for it.
        var options = new ChainManagerOptions { FlushIntervalBlocks = int.MaxValue };
        engine = new ChainReplayEngine(ChainManager.CreateInMemory(network, drivechainParams!, Secp.Value, options));
        return true;
    }
}
