using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Drivechain.Node.P2P;

/// <summary>
/// Core's BanMan: manual bans of addresses or subnets until a time (setban/listbanned/clearbanned, persisted to
/// <c>banlist.json</c> in Core's format) and the set of discouraged addresses (misbehaving peers; in memory, bounded,
/// as Core's rolling filter). Thread-safe.
/// </summary>
public sealed class BanList(string path, TimeProvider clock)
{
    /// <summary>Core's DEFAULT_MISBEHAVING_BANTIME: 24 hours.</summary>
    public static readonly TimeSpan DefaultBanTime = TimeSpan.FromHours(24);

    /// <summary>Addresses remembered as discouraged (Core's rolling bloom filter holds 50,000).</summary>
    public const int MaxDiscouraged = 50_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<IPNetwork, BanEntry> _banned = [];
    private readonly HashSet<IPAddress> _discouraged = [];
    private readonly Queue<IPAddress> _discouragedOrder = new();
    private bool _loaded;
    private string? _loadError;

    public string Path { get; } = path;

    /// <summary>Core's LookupSubNet: <c>addr</c> (a single address) or <c>addr/prefix</c> or <c>addr/netmask</c>; host bits are cleared.</summary>
    public static bool TryParseSubnet(string text, out IPNetwork subnet)
    {
        subnet = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address)) return false;
        address = Normalize(address);
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0)
        {
            var suffix = text[(slash + 1)..];
            if (int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                if (length > bits) return false;
                prefix = length;
            }
            else if (IPAddress.TryParse(suffix, out var mask) && mask.AddressFamily == address.AddressFamily && PrefixOf(mask) is { } fromMask)
            {
                prefix = fromMask;
            }
            else
            {
                return false;
            }
        }
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        subnet = new IPNetwork(new IPAddress(bytes), prefix);
        return true;
    }

    /// <summary>Core's display of a subnet: <c>1.2.3.0/24</c>, <c>::1/128</c>.</summary>
    public static string Format(IPNetwork subnet) => $"{subnet.BaseAddress}/{subnet.PrefixLength}";

    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>
    /// Loads <see cref="Path"/> once (a missing or unreadable file gives an empty list and an error message); every other
    /// member loads it first, so the bans hold from the first call whoever makes it.
    /// </summary>
    public string? Load()
    {
        lock (_lock)
        {
            if (_loaded) return _loadError;
            _loaded = true;
            if (!File.Exists(Path)) return null;
            try
            {
                var root = JsonNode.Parse(File.ReadAllText(Path))?["banned_nets"] as JsonArray ?? [];
                foreach (var item in root)
                {
                    if (item?["address"]?.GetValue<string>() is not { } text || !TryParseSubnet(text, out var subnet)) continue;
                    _banned[subnet] = new BanEntry(item["ban_created"]?.GetValue<long>() ?? 0, item["banned_until"]?.GetValue<long>() ?? 0);
                }
                return null;
            }
            catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or UnauthorizedAccessException or FormatException)
            {
                return _loadError = e.Message;
            }
        }
    }

    public bool IsBanned(IPAddress address)
    {
        Load();
        address = Normalize(address);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        lock (_lock) return _banned.Any(b => b.Value.Until > now && b.Key.Contains(address));
    }

    public bool IsDiscouraged(IPAddress address)
    {
        Load();
        lock (_lock) return _discouraged.Contains(Normalize(address));
    }

    public void Discourage(IPAddress address)
    {
        Load();
        address = Normalize(address);
        lock (_lock)
        {
            if (!_discouraged.Add(address)) return;
            _discouragedOrder.Enqueue(address);
            while (_discouragedOrder.Count > MaxDiscouraged) _discouraged.Remove(_discouragedOrder.Dequeue());
        }
    }

    /// <summary>Bans <paramref name="subnet"/> for <paramref name="duration"/> from now; false when it is already banned.</summary>
    public bool Ban(IPNetwork subnet, TimeSpan duration) => Ban(subnet, null, duration);

    /// <summary>Bans <paramref name="subnet"/> until <paramref name="until"/>; false when it is already banned.</summary>
    public bool Ban(IPNetwork subnet, DateTimeOffset until) => Ban(subnet, until, null);

    private bool Ban(IPNetwork subnet, DateTimeOffset? until, TimeSpan? duration)
    {
        Load();
        lock (_lock)
        {
            Sweep();
            if (_banned.ContainsKey(subnet)) return false;
            var now = clock.GetUtcNow();
            _banned[subnet] = new BanEntry(now.ToUnixTimeSeconds(), (until ?? now + duration!.Value).ToUnixTimeSeconds());
        }
        Save();
        return true;
    }

    /// <summary>Lifts a manual ban; false when <paramref name="subnet"/> was not banned.</summary>
    public bool Unban(IPNetwork subnet)
    {
        Load();
        bool removed;
        lock (_lock) removed = _banned.Remove(subnet);
        if (removed) Save();
        return removed;
    }

    /// <summary>clearbanned: every manual ban and every discouraged address.</summary>
    public void Clear()
    {
        Load();
        lock (_lock)
        {
            _banned.Clear();
            _discouraged.Clear();
            _discouragedOrder.Clear();
        }
        Save();
    }

    /// <summary>The bans in force, oldest first.</summary>
    public IReadOnlyList<(IPNetwork Subnet, BanEntry Entry)> List()
    {
        Load();
        lock (_lock)
        {
            Sweep();
            return [.. _banned.Select(b => (b.Key, b.Value)).OrderBy(b => b.Value.Created).ThenBy(b => Format(b.Key), StringComparer.Ordinal)];
        }
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        foreach (var expired in _banned.Where(b => b.Value.Until <= now).Select(b => b.Key).ToList()) _banned.Remove(expired);
    }

    private void Save()
    {
        var nets = new JsonArray();
        foreach (var (subnet, entry) in List())
        {
            nets.Add((JsonNode)new JsonObject
            {
                ["version"] = 1,
                ["ban_created"] = entry.Created,
                ["banned_until"] = entry.Until,
                ["address"] = Format(subnet),
            });
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temp = Path + ".new";
        File.WriteAllText(temp, new JsonObject { ["banned_nets"] = nets }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temp, Path, overwrite: true);
    }

    private static int? PrefixOf(IPAddress mask)
    {
        var prefix = 0;
        var ended = false;
        foreach (var b in mask.GetAddressBytes())
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var set = (b >> bit & 1) == 1;
                if (set && ended) return null;
                if (set) prefix++;
                else ended = true;
            }
        }
        return prefix;
    }
}
