using System.Net;
using System.Net.Sockets;

namespace Drivechain.Node.Hosting;

/// <summary>
/// Who may reach the JSON-RPC server, as Core decides it: loopback clients always; others only from an
/// <c>-rpcallowip</c> subnet. Without <c>-rpcallowip</c> a non-loopback <c>-rpcbind</c> is ignored (with a warning) and
/// the server stays on loopback, so RPC is never opened to everyone by one option.
/// </summary>
public sealed class RpcAccess
{
    private readonly IPNetwork[] _allowed;

    private RpcAccess(IPAddress bindAddress, IPNetwork[] allowed, bool bindIgnored)
    {
        BindAddress = bindAddress;
        _allowed = allowed;
        BindIgnored = bindIgnored;
    }

    /// <summary>The address the server listens on.</summary>
    public IPAddress BindAddress { get; }

    /// <summary>True when a non-loopback <c>-rpcbind</c> was ignored for want of <c>-rpcallowip</c>.</summary>
    public bool BindIgnored { get; }

    /// <summary>Resolves <c>rpcbind</c> (an address or a host name such as <c>localhost</c>) and parses <c>rpcallowip</c>.</summary>
    public static bool TryCreate(string rpcBind, IReadOnlyList<string> rpcAllowIp, out RpcAccess? access, out string? error)
    {
        access = null;
        var allowed = new IPNetwork[rpcAllowIp.Count];
        for (int i = 0; i < rpcAllowIp.Count; i++)
        {
            if (!TryParseSubnet(rpcAllowIp[i], out allowed[i]))
            {
                error = $"rpcallowip '{rpcAllowIp[i]}' is not a valid address or subnet (e.g. 192.168.1.0/24)";
                return false;
            }
        }
        if (!TryResolve(rpcBind, out var bind))
        {
            error = $"rpcbind '{rpcBind}' is not an address and does not resolve to one";
            return false;
        }
        bool ignored = !IPAddress.IsLoopback(bind) && allowed.Length == 0;
        access = new RpcAccess(ignored ? IPAddress.Loopback : bind, allowed, ignored);
        error = null;
        return true;
    }

    /// <summary>True when a client at <paramref name="remote"/> may use the server.</summary>
    public bool IsAllowed(IPAddress? remote)
    {
        if (remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        if (IPAddress.IsLoopback(remote)) return true;
        foreach (var network in _allowed)
            if (network.Contains(remote)) return true;
        return false;
    }

    private static bool TryResolve(string name, out IPAddress address)
    {
        if (IPAddress.TryParse(name, out address!)) return true;
        try
        {
            var addresses = Dns.GetHostAddresses(name);
            address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()!;
            return address is not null;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool TryParseSubnet(string text, out IPNetwork network)
    {
        if (IPNetwork.TryParse(text, out network)) return true;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 && IPAddress.TryParse(text, out var single))
        {
            network = new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        // Core also takes a dotted netmask: 192.168.1.0/255.255.255.0.
        if (slash > 0 && IPAddress.TryParse(text[..slash], out var baseAddress) && IPAddress.TryParse(text[(slash + 1)..], out var mask)
            && mask.AddressFamily == AddressFamily.InterNetwork)
        {
            var bits = mask.GetAddressBytes();
            int prefix = 0;
            foreach (var b in bits) prefix += System.Numerics.BitOperations.PopCount(b);
            try
            {
                network = new IPNetwork(baseAddress, prefix);
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
        return false;
    }
}
