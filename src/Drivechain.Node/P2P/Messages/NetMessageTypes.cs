using System.Collections.Frozen;

namespace Drivechain.Node.P2P.Messages;

/// <summary>
/// Core's message types (protocol.h's ALL_NET_MESSAGE_TYPES): getpeerinfo's per-message byte counts use these names and
/// count any other command as <see cref="Other"/>, as Core does.
/// </summary>
public static class NetMessageTypes
{
    /// <summary>The key for commands that are not in <see cref="All"/>.</summary>
    public const string Other = "*other*";

    public static FrozenSet<string> All { get; } = FrozenSet.Create(StringComparer.Ordinal,
        "version", "verack", "addr", "addrv2", "sendaddrv2", "inv", "getdata", "merkleblock", "getblocks", "getheaders", "tx",
        "headers", "block", "getaddr", "mempool", "ping", "pong", "notfound", "filterload", "filteradd", "filterclear",
        "sendheaders", "feefilter", "sendcmpct", "cmpctblock", "getblocktxn", "blocktxn", "getcfilters", "cfilter",
        "getcfheaders", "cfheaders", "getcfcheckpt", "cfcheckpt", "wtxidrelay", "sendtxrcncl");

    /// <summary>The name a command is counted under.</summary>
    public static string CountedAs(string command) => All.Contains(command) ? command : Other;
}
