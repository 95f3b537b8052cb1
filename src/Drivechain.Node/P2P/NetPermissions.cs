namespace Drivechain.Node.P2P;

/// <summary>Core's NetPermissionFlags (same bits), granted by -whitelist and -whitebind.</summary>
[Flags]
public enum NetPermissions : uint
{
    None = 0,
    BloomFilter = 1u << 1,
    Relay = 1u << 3,
    ForceRelay = (1u << 2) | Relay,
    Download = 1u << 6,
    NoBan = (1u << 4) | Download,
    Mempool = 1u << 5,
    Addr = 1u << 7,
    In = 1u << 8,
    Out = 1u << 9,
    Implicit = 1u << 31,
    All = BloomFilter | ForceRelay | Relay | NoBan | Mempool | Download | Addr,
}
