using System.Globalization;
using System.Net;

namespace Drivechain.Node.P2P;

/// <summary>The parsing of <c>-bind</c> and <c>-connect</c> values (<c>host[:port]</c>, IPv6 in brackets).</summary>
public static class PeerEndpoints
{
    /// <summary>Splits <c>host</c>, <c>host:port</c>, <c>[v6]</c> or <c>[v6]:port</c>; the port defaults to <paramref name="defaultPort"/>.</summary>
    public static bool TrySplit(string? value, int defaultPort, out string host, out int port)
    {
        host = "";
        port = defaultPort;
        if (string.IsNullOrWhiteSpace(value)) return false;
        value = value.Trim();
        string? portText = null;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) return false;
            host = value[1..close];
            var rest = value[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':') return false;
                portText = rest[1..];
            }
        }
        else if (value.Count(c => c == ':') == 1)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            host = value[..colon];
            portText = value[(colon + 1)..];
        }
        else
        {
            host = value;   // a name, an IPv4 address or a bare IPv6 address
        }
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
            return false;
        return host.Length > 0;
    }

    /// <summary>Parses a <c>-bind</c> value: an IP address with an optional port (default <paramref name="defaultPort"/>).</summary>
    public static bool TryParseBind(string value, int defaultPort, out IPEndPoint endPoint)
    {
        endPoint = null!;
        if (!TrySplit(value, Math.Max(defaultPort, 1), out var host, out var port) || !IPAddress.TryParse(host, out var address)) return false;
        var hasPort = value.Contains("]:", StringComparison.Ordinal) || (!value.StartsWith('[') && value.Count(c => c == ':') == 1);
        endPoint = new IPEndPoint(address, hasPort ? port : defaultPort);
        return true;
    }
}
