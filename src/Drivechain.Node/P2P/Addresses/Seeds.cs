using System.Net;
using Drivechain.Node.Hosting;

namespace Drivechain.Node.P2P.Addresses;

/// <summary>
/// Where a node with an empty address manager finds its first peers: Core's DNS seed host names per chain, and a few
/// of Core's fixed seeds (contrib/seeds/nodes_*.txt) for testnet4 and signet. Regtest has neither; main has DNS seeds
/// only here (Core's compiled-in main list is not carried).
/// </summary>
public static class Seeds
{
    /// <summary>Core's DNS seeds of <paramref name="chain"/>.</summary>
    public static IReadOnlyList<string> DnsSeeds(ChainKind chain) => chain switch
    {
        ChainKind.Main =>
        [
            "seed.bitcoin.sipa.be", "dnsseed.bluematt.me", "dnsseed.bitcoin.dashjr-list-of-p2p-nodes.us", "seed.bitcoin.jonasschnelli.ch",
            "seed.btc.petertodd.net", "seed.bitcoin.sprovoost.nl", "dnsseed.emzy.de", "seed.bitcoin.wiz.biz", "seed.mainnet.achownodes.xyz",
        ],
        ChainKind.Testnet4 => ["seed.testnet4.bitcoin.sprovoost.nl", "seed.testnet4.wiz.biz"],
        ChainKind.Signet => ["seed.signet.bitcoin.sprovoost.nl", "seed.signet.achownodes.xyz"],
        _ => [],
    };

    /// <summary>A few of Core's fixed seeds of <paramref name="chain"/> (IPv4 and IPv6 only).</summary>
    public static IReadOnlyList<IPEndPoint> FixedSeeds(ChainKind chain) => chain switch
    {
        ChainKind.Testnet4 => Parse("2.59.134.244:48333", "5.182.4.106:48333", "45.94.168.5:48333", "65.108.143.22:48333",
            "95.141.35.117:48333", "158.69.118.2:48333", "[2a01:4f8:121:4072::2]:48333", "[2607:5300:60:8702::]:48333"),
        ChainKind.Signet => Parse("34.135.189.101:38333", "37.120.177.204:38333", "45.94.168.5:38333", "49.13.117.253:38333",
            "95.141.35.117:38333", "176.9.62.27:38333", "[2a01:4f8:13a:c56::2]:38333", "[2001:41d0:800:330f::]:38333"),
        _ => [],
    };

    private static IPEndPoint[] Parse(params string[] endPoints) => [.. endPoints.Select(IPEndPoint.Parse)];
}
