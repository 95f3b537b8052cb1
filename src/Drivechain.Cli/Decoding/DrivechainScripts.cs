using System.Buffers.Binary;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Cli.Decoding;

/// <summary>
/// Recognition of the drivechain script shapes of spec §2 for display: coinbase messages (M1–M4, M7), treasury
/// outputs, deposit address outputs and M8. Byte-exact as the spec states; anything else is not named.
/// </summary>
internal static class DrivechainScripts
{
    private static ReadOnlySpan<byte> M1Tag => [0xd5, 0xe0, 0xc4, 0xaf];
    private static ReadOnlySpan<byte> M2Tag => [0xd6, 0xe1, 0xc5, 0xdf];
    private static ReadOnlySpan<byte> M3Tag => [0xd4, 0x5a, 0xa9, 0x43];
    private static ReadOnlySpan<byte> M4Tag => [0xd7, 0x7d, 0x17, 0x76];
    private static ReadOnlySpan<byte> M7Tag => [0xd1, 0x61, 0x73, 0x68];

    /// <summary>
    /// §2.1/§2.3: <c>6a</c> then exactly one push (any push form, non-minimal allowed) and nothing after it;
    /// false when the script is anything else.
    /// </summary>
    public static bool TryGetOpReturnPayload(ReadOnlySpan<byte> script, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (script.Length < 2 || script[0] != 0x6a) return false;
        var rest = script[1..];
        int op = rest[0], header;
        long length;
        if (op <= 0x4b) { header = 1; length = op; }
        else if (op == 0x4c) { if (rest.Length < 2) return false; header = 2; length = rest[1]; }
        else if (op == 0x4d) { if (rest.Length < 3) return false; header = 3; length = BinaryPrimitives.ReadUInt16LittleEndian(rest[1..]); }
        else if (op == 0x4e) { if (rest.Length < 5) return false; header = 5; length = BinaryPrimitives.ReadUInt32LittleEndian(rest[1..]); }
        else return false;
        if (header + length != rest.Length) return false;
        payload = rest[header..];
        return true;
    }

    /// <summary>A coinbase message (§2.1) described for display, or null.</summary>
    public static DrivechainMessage? TryCoinbaseMessage(ReadOnlySpan<byte> script)
    {
        if (!TryGetOpReturnPayload(script, out var payload) || payload.Length < 4) return null;
        var tag = payload[..4];
        var body = payload[4..];
        if (tag.SequenceEqual(M1Tag) && body.Length >= 1)
        {
            return new DrivechainMessage("M1", "propose sidechain", [
                ("slot", body[0]), ("descriptionHex", Convert.ToHexStringLower(body[1..])),
                ("descriptionHash", Hashes.Sha256d(body[1..]).ToString())]);
        }
        if (tag.SequenceEqual(M2Tag) && body.Length == 33)
            return new DrivechainMessage("M2", "ACK sidechain proposal", [("slot", body[0]), ("descriptionHash", new UInt256(body[1..]).ToString())]);
        if (tag.SequenceEqual(M3Tag) && body.Length == 33)
            return new DrivechainMessage("M3", "propose withdrawal bundle", [("slot", body[0]), ("m6id", new UInt256(body[1..]).ToString())]);
        if (tag.SequenceEqual(M7Tag) && body.Length == 33)
            return new DrivechainMessage("M7", "BMM accept", [("slot", body[0]), ("commitment", Convert.ToHexStringLower(body[1..]))]);
        if (tag.SequenceEqual(M4Tag) && body.Length >= 1) return DescribeM4(body);
        return null;
    }

    private static DrivechainMessage? DescribeM4(ReadOnlySpan<byte> body)
    {
        switch (body[0])
        {
            case 0 when body.Length == 1: return new DrivechainMessage("M4", "ACK bundles: repeat previous", [("version", 0)]);
            case 3 when body.Length == 1: return new DrivechainMessage("M4", "ACK bundles: upvote leading by 50", [("version", 3)]);
            case 1:
            {
                var votes = new List<object>();
                foreach (var v in body[1..]) votes.Add(v switch { 0xff => "abstain", 0xfe => "alarm", _ => (object)(int)v });
                return new DrivechainMessage("M4", "ACK bundles: one-byte votes", [("version", 1), ("votes", votes)]);
            }
            case 2 when (body.Length - 1) % 2 == 0:
            {
                var votes = new List<object>();
                for (int i = 1; i < body.Length; i += 2)
                {
                    var v = BinaryPrimitives.ReadUInt16LittleEndian(body[i..]);
                    votes.Add(v switch { 0xffff => "abstain", 0xfffe => "alarm", _ => (object)(int)v });
                }
                return new DrivechainMessage("M4", "ACK bundles: two-byte votes", [("version", 2), ("votes", votes)]);
            }
            default: return null;
        }
    }

    /// <summary>§2.2: exactly <c>b4 01 S 51</c>.</summary>
    public static bool IsTreasury(ReadOnlySpan<byte> script, out byte slot)
    {
        slot = script.Length == 4 ? script[2] : (byte)0;
        return script.Length == 4 && script[0] == 0xb4 && script[1] == 0x01 && script[3] == 0x51;
    }

    /// <summary>§2.4: exactly <c>6a 44 00bf00 S H(32) P(32)</c>.</summary>
    public static DrivechainMessage? TryM8(ReadOnlySpan<byte> script)
    {
        if (script.Length != 70 || script[0] != 0x6a || script[1] != 0x44 || script[2] != 0x00 || script[3] != 0xbf || script[4] != 0x00)
            return null;
        return new DrivechainMessage("M8", "BMM request", [("slot", script[5]),
            ("commitment", Convert.ToHexStringLower(script.Slice(6, 32))), ("prevBlock", new UInt256(script.Slice(38, 32)).ToString())]);
    }
}
