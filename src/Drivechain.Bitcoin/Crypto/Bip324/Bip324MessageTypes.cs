using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;

namespace Drivechain.Bitcoin.Crypto.Bip324;

/// <summary>
/// Message types inside BIP324 packets: one byte 1…28 for the short ids of BIP324's table, or 0 followed by the
/// 12-byte null-padded ASCII command (as in v1 headers).
/// </summary>
public static class Bip324MessageTypes
{
    /// <summary>Length of a long (v1-style) command.</summary>
    public const int CommandSize = 12;

    /// <summary>The short ids: index = id; index 0 and unassigned ids 29–32 are empty.</summary>
    public static ImmutableArray<string> ShortIds { get; } =
    [
        "", "addr", "block", "blocktxn", "cmpctblock", "feefilter", "filteradd", "filterclear", "filterload",
        "getblocks", "getblocktxn", "getdata", "getheaders", "headers", "inv", "mempool", "merkleblock", "notfound",
        "ping", "pong", "sendcmpct", "tx", "getcfilters", "cfilter", "getcfheaders", "cfheaders", "getcfcheckpt",
        "cfcheckpt", "addrv2", "", "", "", "",
    ];

    private static readonly FrozenDictionary<string, byte> IdsByCommand = ShortIds
        .Select((command, id) => (command, id))
        .Where(p => p.command.Length > 0)
        .ToFrozenDictionary(p => p.command, p => (byte)p.id, StringComparer.Ordinal);

    /// <summary>Bytes the type of <paramref name="command"/> takes: 1 (short id) or 13.</summary>
    public static int EncodedSize(string command) => IdsByCommand.ContainsKey(command) ? 1 : 1 + CommandSize;

    /// <summary>Writes the message type (short id, or 0 ‖ 12-byte command); returns the bytes written.</summary>
    /// <exception cref="ArgumentException">A command over 12 characters or not printable ASCII, or a short output.</exception>
    public static int Encode(string command, Span<byte> output)
    {
        if (IdsByCommand.TryGetValue(command, out var id))
        {
            output[0] = id;
            return 1;
        }
        if (command.Length is 0 or > CommandSize || command.Any(c => c is < ' ' or > '~'))
            throw new ArgumentException($"'{command}' is not a valid message command.", nameof(command));
        if (output.Length < 1 + CommandSize)
            throw new ArgumentException("The output is too short.", nameof(output));
        output[0] = 0;
        output.Slice(1, CommandSize).Clear();
        Encoding.ASCII.GetBytes(command, output[1..]);
        return 1 + CommandSize;
    }

    /// <summary>
    /// Reads the message type at the start of packet contents. False (message to be ignored, as Bitcoin Core does)
    /// for an unknown short id, a truncated long command, or a long command that is not printable ASCII padded
    /// with zeros.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> contents, out string command, out int consumed)
    {
        command = "";
        consumed = 0;
        if (contents.IsEmpty)
            return false;
        if (contents[0] != 0)
        {
            if (contents[0] >= ShortIds.Length || ShortIds[contents[0]].Length == 0)
                return false;
            command = ShortIds[contents[0]];
            consumed = 1;
            return true;
        }
        if (contents.Length < 1 + CommandSize)
            return false;
        var field = contents.Slice(1, CommandSize);
        var length = field.IndexOf((byte)0);
        if (length < 0)
            length = CommandSize;
        if (length == 0 || field[length..].ContainsAnyExcept((byte)0))
            return false;
        foreach (var b in field[..length])
            if (b is < 0x20 or > 0x7E)
                return false;
        command = Encoding.ASCII.GetString(field[..length]);
        consumed = 1 + CommandSize;
        return true;
    }
}
