using System.Net;

namespace Drivechain.Node.P2P.Addresses;

/// <summary>
/// One peer's address-relay state (Core's Peer::m_addr_*): whether it wants addrv2 (BIP155), whether we asked it for
/// addresses or answered its getaddr, the token bucket that rate-limits the addresses we process from it (Core: 0.1 per
/// second, at most 1,000 banked, 1,000 more after our getaddr), and the addresses it already knows.
/// </summary>
public sealed class PeerAddressRelay
{
    /// <summary>Core's MAX_ADDR_RATE_PER_SECOND.</summary>
    public const double RatePerSecond = 0.1;

    /// <summary>Core's MAX_ADDR_PROCESSING_TOKEN_BUCKET.</summary>
    public const double MaxTokens = AddressMessages.MaxAddrToSend;

    private readonly HashSet<IPEndPoint> _known = [];
    private double _tokens = 1;
    private DateTimeOffset _tokensAt;

    /// <summary>Addresses are relayed to this peer (Core's m_addr_relay_enabled: outbound full-relay, or it sent addr or getaddr).</summary>
    public bool Enabled { get; set; }

    /// <summary>The peer sent sendaddrv2 before verack: addresses go to it as addrv2.</summary>
    public bool WantsAddrV2 { get; set; }

    /// <summary>We sent getaddr and its answer has not come (Core's m_getaddr_sent).</summary>
    public bool GetAddrSent { get; set; }

    /// <summary>We answered its getaddr (once per connection, as Core).</summary>
    public bool GetAddrAnswered { get; set; }

    /// <summary>Addresses dropped by the rate limit (Core's m_addr_rate_limited).</summary>
    public long RateLimited { get; set; }

    /// <summary>Addresses processed (Core's m_addr_processed).</summary>
    public long Processed { get; set; }

    /// <summary>Adds tokens (after our getaddr).</summary>
    public void Grant(double tokens)
    {
        lock (_known) _tokens += tokens;
    }

    /// <summary>Takes one token, refilling at <see cref="RatePerSecond"/> up to <see cref="MaxTokens"/>; false when none is left.</summary>
    public bool TryTakeToken(DateTimeOffset now)
    {
        lock (_known)
        {
            if (_tokensAt != default && now > _tokensAt && _tokens < MaxTokens)
                _tokens = Math.Min(MaxTokens, _tokens + (now - _tokensAt).TotalSeconds * RatePerSecond);
            _tokensAt = now;
            if (_tokens < 1) return false;
            _tokens--;
            return true;
        }
    }

    /// <summary>Remembers that the peer knows <paramref name="endPoint"/>; false when it already did.</summary>
    public bool MarkKnown(IPEndPoint endPoint)
    {
        lock (_known)
        {
            if (_known.Count >= 5000) _known.Clear();
            return _known.Add(endPoint);
        }
    }
}
