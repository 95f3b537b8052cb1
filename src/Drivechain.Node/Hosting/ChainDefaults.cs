namespace Drivechain.Node.Hosting;

/// <summary>Bitcoin Core's per-chain defaults: RPC port, data sub-directory and the <c>chain=</c> name.</summary>
public static class ChainDefaults
{
    public static int RpcPort(ChainKind chain) => chain switch
    {
        ChainKind.Main => 8332,
        ChainKind.Testnet4 => 48332,
        ChainKind.Signet => 38332,
        ChainKind.Regtest => 18443,
        _ => throw new ArgumentOutOfRangeException(nameof(chain), chain, null),
    };

    /// <summary>The dashboard's default port is the RPC port plus this (19443 regtest, 39332 signet).</summary>
    public const int DashboardPortOffset = 1000;

    /// <summary>The sub-directory of the data directory (empty for mainnet, as in Core).</summary>
    public static string DataSubdirectory(ChainKind chain) => chain switch
    {
        ChainKind.Main => "",
        ChainKind.Testnet4 => "testnet4",
        ChainKind.Signet => "signet",
        ChainKind.Regtest => "regtest",
        _ => throw new ArgumentOutOfRangeException(nameof(chain), chain, null),
    };

    /// <summary>Core's name for the chain (<c>getblockchaininfo.chain</c>, <c>chain=</c>).</summary>
    public static string Name(ChainKind chain) => chain switch
    {
        ChainKind.Main => "main",
        ChainKind.Testnet4 => "testnet4",
        ChainKind.Signet => "signet",
        ChainKind.Regtest => "regtest",
        _ => throw new ArgumentOutOfRangeException(nameof(chain), chain, null),
    };

    public static bool TryParse(string? name, out ChainKind chain)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "main" or "mainnet": chain = ChainKind.Main; return true;
            case "testnet4": chain = ChainKind.Testnet4; return true;
            case "signet": chain = ChainKind.Signet; return true;
            case "regtest": chain = ChainKind.Regtest; return true;
            default: chain = default; return false;
        }
    }

    /// <summary>Core's default data directory for this tool: <c>~/.drivechain</c>.</summary>
    public static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".drivechain");
}
