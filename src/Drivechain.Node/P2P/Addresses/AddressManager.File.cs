using System.Net;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Node.P2P.Addresses;

/// <summary>
/// peers.dat, our own format (not Core's), framed by <see cref="DataFile"/> ("DCPEERS1", the network magic, a SHA-256):
/// the bucket key, the time of the last success, the entry count and the entries (table, address, port, services, times,
/// source, attempts). Buckets are recomputed from the key on load.
/// </summary>
public sealed partial class AddressManager
{
    private static ReadOnlySpan<byte> FileMagic => "DCPEERS1"u8;

    private const int MaxEntryBytes = 1 + 1 + 16 + 2 + 8 + 8 + 1 + 16 + 8 + 8 + 8 + 4;

    /// <summary>Writes the manager to <paramref name="path"/> (<see cref="DataFile"/>); IO errors reach the caller.</summary>
    public void Save(string path, ReadOnlySpan<byte> networkMagic)
    {
        byte[] bytes;
        int length;
        lock (_lock)
        {
            bytes = new byte[32 + 8 + 4 + _entries.Count * MaxEntryBytes];
            var writer = new BitcoinWriter(bytes);
            writer.WriteBytes(_key);
            writer.WriteInt64(_lastGood.ToUnixTimeSeconds());
            writer.WriteUInt32((uint)_entries.Count);
            foreach (var e in _entries.Values)
            {
                writer.WriteByte(e.InTried ? (byte)1 : (byte)0);
                writer.WriteVarBytes(e.EndPoint.Address.GetAddressBytes());
                writer.WriteUInt16((ushort)e.EndPoint.Port);
                writer.WriteUInt64(e.Services);
                writer.WriteInt64(e.Time.ToUnixTimeSeconds());
                writer.WriteVarBytes(e.Source.GetAddressBytes());
                writer.WriteInt64(e.LastTry.ToUnixTimeSeconds());
                writer.WriteInt64(e.LastCountAttempt.ToUnixTimeSeconds());
                writer.WriteInt64(e.LastSuccess.ToUnixTimeSeconds());
                writer.WriteInt32(e.Attempts);
            }
            length = writer.Position;
        }
        DataFile.Write(path, FileMagic, networkMagic, bytes.AsSpan(0, length));
    }

    /// <summary>
    /// Replaces the manager's contents with <paramref name="path"/>'s; null when loaded (or no file), else why the file was
    /// not usable (the manager is then left empty).
    /// </summary>
    public string? Load(string path, ReadOnlySpan<byte> networkMagic)
    {
        if (!File.Exists(path)) return null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
        if (DataFile.Check(bytes, FileMagic, networkMagic, minBodyLength: 32 + 8 + 4, out var body) is { } fault)
        {
            return fault switch
            {
                DataFile.Fault.TooShort => "file too short",
                DataFile.Fault.ChecksumMismatch => "checksum mismatch",
                DataFile.Fault.OtherFile => "not a peers.dat of this program",
                _ => "peers.dat of another network",
            };
        }
        var reader = new BitcoinReader(body);
        if (!reader.TryReadBytes(32, out var key) || !reader.TryReadInt64(out var lastGood) || !reader.TryReadUInt32(out var count)) return "truncated header";
        var entries = new List<AddressEntry>();
        for (var i = 0u; i < count; i++)
        {
            if (!reader.TryReadByte(out var tried) || !reader.TryReadVarBytes(out var ip) || ip.Length is not (4 or 16)
                || !reader.TryReadUInt16(out var port) || !reader.TryReadUInt64(out var services) || !reader.TryReadInt64(out var time)
                || !reader.TryReadVarBytes(out var source) || source.Length is not (4 or 16) || !reader.TryReadInt64(out var lastTry)
                || !reader.TryReadInt64(out var lastCount) || !reader.TryReadInt64(out var lastSuccess) || !reader.TryReadInt32(out var attempts))
                return $"entry {i} malformed";
            entries.Add(new AddressEntry(new IPEndPoint(new IPAddress(ip), port), new IPAddress(source))
            {
                InTried = tried == 1, Services = services, Time = FromSeconds(time), LastTry = FromSeconds(lastTry),
                LastCountAttempt = FromSeconds(lastCount), LastSuccess = FromSeconds(lastSuccess), Attempts = attempts,
            });
        }
        if (reader.Remaining != 0) return "trailing bytes";
        lock (_lock)
        {
            Array.Clear(_new);
            Array.Clear(_tried);
            _newList.Clear();
            _triedList.Clear();
            _entries.Clear();
            _key = key.ToArray();
            _lastGood = FromSeconds(lastGood);
            foreach (var entry in entries)
            {
                if (_entries.ContainsKey(entry.EndPoint) || !Accepts(entry.EndPoint.Address)) continue;
                if (entry.InTried)
                {
                    MakeTried(entry);
                }
                else if (!PlaceNew(entry))
                {
                    continue;
                }
                _entries[entry.EndPoint] = entry;
            }
        }
        return null;
    }

    private static DateTimeOffset FromSeconds(long seconds) =>
        seconds <= 0 ? default : DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799));
}
