namespace Drivechain.Node.Hosting;

/// <summary>The chain a node runs on, chosen with <c>--regtest</c>, <c>--signet</c>, <c>--testnet4</c>, <c>--mainnet</c> or <c>chain=</c>.</summary>
public enum ChainKind
{
    Main,
    Testnet4,
    Signet,
    Regtest,
}
