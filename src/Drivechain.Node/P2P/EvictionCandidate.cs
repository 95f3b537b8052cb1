namespace Drivechain.Node.P2P;

/// <summary>
/// What inbound eviction knows of one connection (Core's NodeEvictionCandidate): when it connected, its best ping, when
/// it last sent us a new block or transaction, whether it relays transactions and offers the services we need, its keyed
/// network group, and whether it is inbound, local or protected by the noban permission.
/// </summary>
public sealed record EvictionCandidate(
    long Id,
    DateTimeOffset Connected,
    TimeSpan MinPing,
    DateTimeOffset LastBlockTime,
    DateTimeOffset LastTxTime,
    bool RelevantServices,
    bool RelayTxs,
    ulong KeyedNetGroup,
    bool Inbound = true,
    bool NoBan = false,
    bool IsLocal = false,
    bool PreferEvict = false);
