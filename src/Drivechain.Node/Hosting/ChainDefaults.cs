using Drivechain.Bitcoin.Networks;

namespace Drivechain.Node.Hosting;

/// <summary>
/// Bitcoin Core's per-chain defaults, all read from the one chain table (<see cref="NodeNetworks.For"/> →
/// <see cref="Network"/>): chain name, RPC port, data sub-directory.
/// </summary>
public static class ChainDefaults
{
    /// <summary>Core's default JSON-RPC port of the chain (<see cref="Network.RpcPort"/>).</summary>
    public static int RpcPort(ChainKind chain) => NodeNetworks.For(chain).RpcPort;

    /// <summary>Core's default P2P port of the chain (<see cref="Network.DefaultPort"/>).</summary>
    public static int P2pPort(ChainKind chain) => NodeNetworks.For(chain).DefaultPort;

    /// <summary>The dashboard's default port is the RPC port plus this (19443 regtest, 39332 signet).</summary>
    public const int DashboardPortOffset = 1000;

    /// <summary>The sub-directory of the data directory: the chain name, empty for mainnet (as in Core).</summary>
    public static string DataSubdirectory(ChainKind chain) => chain == ChainKind.Main ? "" : Name(chain);

    /// <summary>Core's name for the chain (<c>getblockchaininfo.chain</c>, <c>chain=</c>).</summary>
    public static string Name(ChainKind chain) => NodeNetworks.For(chain).Name;

    /// <summary>The chain for Core's name (<c>chain=</c>; "mainnet" is accepted for "main"), case-insensitive.</summary>
    public static bool TryParse(string? name, out ChainKind chain)
    {
        var wanted = name?.Trim().ToLowerInvariant();
        if (wanted == "mainnet") wanted = Network.Main.Name;
        foreach (var kind in Enum.GetValues<ChainKind>())
        {
            if (Name(kind) == wanted)
            {
                chain = kind;
                return true;
            }
        }
        chain = default;
        return false;
    }

    /// <summary>Core's default data directory for this tool: <c>~/.drivechain</c>.</summary>
    public static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".drivechain");
}
