using System.Net;

namespace Drivechain.Node.P2P.Addresses;

/// <summary>One address the <see cref="AddressManager"/> knows (Core's AddrInfo): where it came from and how connecting to it went.</summary>
internal sealed class AddressEntry(IPEndPoint endPoint, IPAddress source)
{
    public IPEndPoint EndPoint { get; } = endPoint;
    public IPAddress Source { get; } = source;
    public ulong Services { get; set; }
    public DateTimeOffset Time { get; set; }
    public DateTimeOffset LastTry { get; set; }
    public DateTimeOffset LastCountAttempt { get; set; }
    public DateTimeOffset LastSuccess { get; set; }
    public int Attempts { get; set; }
    public bool InTried { get; set; }
    public int Bucket { get; set; } = -1;
    public int Position { get; set; } = -1;

    /// <summary>Index in the table's list of entries (for uniform random choice); -1 when in no table.</summary>
    public int ListIndex { get; set; } = -1;

    public PeerAddress ToAddress() => new(EndPoint, Services, Time);

    /// <summary>Core's AddrInfo::IsTerrible: not worth keeping or handing out.</summary>
    public bool IsTerrible(DateTimeOffset now)
    {
        if (now - LastTry <= TimeSpan.FromMinutes(1)) return false;                   // tried in the last minute: keep
        if (Time > now + TimeSpan.FromMinutes(10)) return true;                       // came in a flying DeLorean
        if (now - Time > TimeSpan.FromDays(30)) return true;                          // not seen in recent history
        if (LastSuccess == default && Attempts >= 3) return true;                     // tried N times and never a success
        return now - LastSuccess > TimeSpan.FromDays(7) && Attempts >= 10;            // N successive failures in the last week
    }

    /// <summary>Core's AddrInfo::GetChance: recently tried and often failed addresses are picked less.</summary>
    public double Chance(DateTimeOffset now)
    {
        var chance = 1.0;
        if (now - LastTry < TimeSpan.FromMinutes(10)) chance *= 0.01;
        return chance * Math.Pow(0.66, Math.Min(Attempts, 8));
    }
}
