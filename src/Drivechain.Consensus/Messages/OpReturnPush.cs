using System.Buffers.Binary;

namespace Drivechain.Consensus.Messages;

/// <summary>
/// The §2.1 / §2.3 frame: <c>OP_RETURN</c> followed by exactly one data push (any push form, minimal or not)
/// and nothing else.
/// </summary>
public static class OpReturnPush
{
    /// <summary>OP_RETURN.</summary>
    public const byte OpReturn = 0x6a;

    /// <summary>
    /// Finds the single pushed payload of <paramref name="script"/>. False when the script is not
    /// <c>6a &lt;one push&gt;</c> exactly (no push, a truncated push, or anything after the push).
    /// </summary>
    public static bool TryGetPayload(ReadOnlySpan<byte> script, out int offset, out int length)
    {
        offset = 0;
        length = 0;
        if (script.Length < 2 || script[0] != OpReturn) return false;
        byte op = script[1];
        long declared;
        int start;
        switch (op)
        {
            case <= 0x4b:
                declared = op;
                start = 2;
                break;
            case 0x4c:
                if (script.Length < 3) return false;
                declared = script[2];
                start = 3;
                break;
            case 0x4d:
                if (script.Length < 4) return false;
                declared = BinaryPrimitives.ReadUInt16LittleEndian(script[2..]);
                start = 4;
                break;
            case 0x4e:
                if (script.Length < 6) return false;
                declared = BinaryPrimitives.ReadUInt32LittleEndian(script[2..]);
                start = 6;
                break;
            default:
                return false;
        }
        if (start + declared != script.Length) return false; // runs past the end, or trailing bytes
        offset = start;
        length = (int)declared;
        return true;
    }

    /// <summary>The single pushed payload, or false (see <see cref="TryGetPayload(ReadOnlySpan{byte}, out int, out int)"/>).</summary>
    public static bool TryGetPayload(ReadOnlySpan<byte> script, out ReadOnlySpan<byte> payload)
    {
        if (!TryGetPayload(script, out int offset, out int length))
        {
            payload = default;
            return false;
        }
        payload = script.Slice(offset, length);
        return true;
    }

    /// <summary>Encodes <c>6a</c> + the minimal push of <paramref name="payload"/>.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> payload)
    {
        int header = payload.Length switch
        {
            <= 0x4b => 1,
            <= 0xff => 2,
            <= 0xffff => 3,
            _ => 5,
        };
        var script = new byte[1 + header + payload.Length];
        script[0] = OpReturn;
        switch (header)
        {
            case 1:
                script[1] = (byte)payload.Length;
                break;
            case 2:
                script[1] = 0x4c;
                script[2] = (byte)payload.Length;
                break;
            case 3:
                script[1] = 0x4d;
                BinaryPrimitives.WriteUInt16LittleEndian(script.AsSpan(2), (ushort)payload.Length);
                break;
            default:
                script[1] = 0x4e;
                BinaryPrimitives.WriteUInt32LittleEndian(script.AsSpan(2), (uint)payload.Length);
                break;
        }
        payload.CopyTo(script.AsSpan(1 + header));
        return script;
    }
}
