using System.Diagnostics.CodeAnalysis;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Consensus.Messages;

/// <summary>
/// A BIP300/301 message carried by a coinbase output (M1, M2, M3, M4, M7), framed as in spec §2.1:
/// <c>6a &lt;push of tag ‖ body&gt;</c>. Anything that does not match a layout exactly is not a message.
/// </summary>
public abstract record CoinbaseMessage
{
    private protected CoinbaseMessage() { }

    /// <summary>Tag + body (what the single push carries).</summary>
    public abstract byte[] ToPayload();

    /// <summary>The honest encoding: <c>6a</c> + minimal push of the payload.</summary>
    public Script ToScript() => new(OpReturnPush.Encode(ToPayload()));

    /// <summary>
    /// Recognizes a coinbase output script (§2.1, §2.5). False for non-candidates, unknown tags and bodies
    /// that do not match their layout exactly: such outputs are ignored, never block-invalidating.
    /// </summary>
    public static bool TryParse(Script script, [NotNullWhen(true)] out CoinbaseMessage? message)
    {
        message = null;
        var span = script.Span;
        if (!OpReturnPush.TryGetPayload(span, out int offset, out int length) || length < 4) return false;
        var payload = span.Slice(offset, length);
        var body = payload[4..];
        uint tag = (uint)(payload[0] << 24 | payload[1] << 16 | payload[2] << 8 | payload[3]);
        switch (tag)
        {
            case M1ProposeSidechain.TagValue:
                if (body.Length < 1) return false;
                message = new M1ProposeSidechain(body[0], [.. body[1..]]);
                return true;
            case M2AckSidechain.TagValue:
                if (body.Length != 33) return false;
                message = new M2AckSidechain(body[0], new Bitcoin.Primitives.UInt256(body[1..]));
                return true;
            case M3ProposeBundle.TagValue:
                if (body.Length != 33) return false;
                message = new M3ProposeBundle(body[0], new M6Id(new Bitcoin.Primitives.UInt256(body[1..])));
                return true;
            case M4AckBundles.TagValue:
                return M4AckBundles.TryParseBody(script.Memory.Slice(offset + 4, length - 4), out var m4) && (message = m4) is not null;
            case M7BmmAccept.TagValue:
                if (body.Length != 33) return false;
                message = new M7BmmAccept(body[0], new Bitcoin.Primitives.UInt256(body[1..]));
                return true;
            default:
                return false;
        }
    }

    internal static byte[] Payload(uint tag, int bodyLength, out Span<byte> body)
    {
        var payload = new byte[4 + bodyLength];
        payload[0] = (byte)(tag >> 24);
        payload[1] = (byte)(tag >> 16);
        payload[2] = (byte)(tag >> 8);
        payload[3] = (byte)tag;
        body = payload.AsSpan(4);
        return payload;
    }
}
