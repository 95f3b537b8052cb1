using System.Net;
using Drivechain.Node.Hosting;

namespace Drivechain.Node.P2P.Addresses;

/// <summary>
/// Where a node with an empty address manager finds its first peers: Core's DNS seed host names per chain, and a few
/// of Core's fixed seeds (contrib/seeds/nodes_*.txt) per network. Regtest has neither. The main list is a subset of 30
/// IPv4/IPv6 addresses (distinct /16 and /32 groups) of bitcoin/bitcoin contrib/seeds/nodes_main.txt at commit 0022c847;
/// Core compiles in the whole file (its Tor, I2P and CJDNS entries are of no use here: this node reaches IPv4/IPv6 only).
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
        ChainKind.Main => Parse("69.196.152.33:8333", "70.35.98.12:8333", "72.18.53.189:8333", "74.118.138.124:8333",
            "77.223.120.139:8333", "80.64.211.102:8333", "81.7.17.202:8333", "82.64.49.27:8333", "85.214.161.252:8333", "88.99.71.213:8333",
            "89.39.106.26:8333", "91.228.45.130:8333", "93.115.26.6:8333", "95.211.152.100:8333", "104.219.214.211:8333", "128.2.12.38:8333",
            "141.0.155.19:8333", "162.55.122.93:8333", "165.22.229.88:8333", "172.233.211.171:8333", "185.26.99.171:8333",
            "188.138.88.47:8333", "195.154.172.177:8333", "213.227.147.244:8333", "[2001:41d0:203:52c2::]:8333", "[2001:470:26:472::b7c]:8333",
            "[2001:bc8:700:2313::1]:8333", "[2a02:168:2000:97::26]:8333", "[2a03:b0c0:1:e0::368:d001]:8333", "[2a10:3781:3fff::1]:8333"),
        ChainKind.Testnet4 => Parse("2.59.134.244:48333", "5.182.4.106:48333", "45.94.168.5:48333", "65.108.143.22:48333",
            "95.141.35.117:48333", "158.69.118.2:48333", "[2a01:4f8:121:4072::2]:48333", "[2607:5300:60:8702::]:48333"),
        ChainKind.Signet => Parse("34.135.189.101:38333", "37.120.177.204:38333", "45.94.168.5:38333", "49.13.117.253:38333",
            "95.141.35.117:38333", "176.9.62.27:38333", "[2a01:4f8:13a:c56::2]:38333", "[2001:41d0:800:330f::]:38333"),
        _ => [],
    };

    private static IPEndPoint[] Parse(params string[] endPoints) => [.. endPoints.Select(IPEndPoint.Parse)];
}
