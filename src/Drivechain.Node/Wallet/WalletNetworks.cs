using Drivechain.Bitcoin.Networks;

namespace Drivechain.Node.Wallet;

/// <summary>The NBitcoin network whose keys and addresses match the node's chain.</summary>
public static class WalletNetworks
{
    public static NBitcoin.Network ToNBitcoin(Network network) => network.Name switch
    {
        "main" => NBitcoin.Network.Main,
        "regtest" => NBitcoin.Network.RegTest,
        _ => NBitcoin.Network.TestNet,   // testnet4 and signet: tb1 addresses, tpub keys, coin type 1
    };
}
