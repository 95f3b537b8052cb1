using NBitcoin;
using OurBlock = Drivechain.Bitcoin.Primitives.Block;
using OurTransaction = Drivechain.Bitcoin.Primitives.Transaction;

namespace Drivechain.Consensus.NBitcoin;

/// <summary>
/// The one boundary between NBitcoin's types and ours: serialized bytes (witness serialization) in both directions,
/// so each side parses with its own rules and nothing is mapped field by field.
/// </summary>
public static class NBitcoinConversions
{
    /// <summary>Our block from an NBitcoin block (its witness serialization, parsed by our span reader).</summary>
    public static OurBlock ToDrivechain(global::NBitcoin.Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return OurBlock.Parse(block.ToBytes());
    }

    /// <summary>Our transaction from an NBitcoin transaction.</summary>
    public static OurTransaction ToDrivechain(global::NBitcoin.Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return OurTransaction.Parse(transaction.ToBytes());
    }

    /// <summary>An NBitcoin block from ours.</summary>
    public static global::NBitcoin.Block ToNBitcoin(OurBlock block, global::NBitcoin.Network network)
    {
        ArgumentNullException.ThrowIfNull(block);
        return global::NBitcoin.Block.Load(block.ToBytes(), network);
    }

    /// <summary>An NBitcoin transaction from ours.</summary>
    public static global::NBitcoin.Transaction ToNBitcoin(OurTransaction transaction, global::NBitcoin.Network network)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return global::NBitcoin.Transaction.Load(transaction.ToBytes(), network);
    }

    /// <summary>The drivechain parameter set for an NBitcoin network (main, testnet4, signet, regtest).</summary>
    public static DrivechainParams ParamsFor(global::NBitcoin.Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.ChainName == global::NBitcoin.ChainName.Mainnet) return DrivechainParams.ForNetwork("main");
        if (network.ChainName == global::NBitcoin.ChainName.Regtest) return DrivechainParams.ForNetwork("regtest");
        var name = network.Name.ToLowerInvariant();
        if (name.Contains("signet", StringComparison.Ordinal)) return DrivechainParams.ForNetwork("signet");
        if (name.Contains("testnet4", StringComparison.Ordinal)) return DrivechainParams.ForNetwork("testnet4");
        throw new ArgumentException($"no drivechain parameters for NBitcoin network {network.Name}", nameof(network));
    }
}
