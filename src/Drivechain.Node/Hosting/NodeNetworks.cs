using Drivechain.Bitcoin.Networks;

namespace Drivechain.Node.Hosting;

/// <summary>The Bitcoin network parameters of each chain the node can run.</summary>
public static class NodeNetworks
{
    public static Network For(ChainKind chain) => chain switch
    {
        ChainKind.Main => Network.Main,
        ChainKind.Testnet4 => Network.TestNet4,
        ChainKind.Signet => Network.Signet,
        ChainKind.Regtest => Network.Regtest,
        _ => throw new ArgumentOutOfRangeException(nameof(chain), chain, null),
    };
}
