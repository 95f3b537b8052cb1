using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Description;

namespace Drivechain.Node.Rpc.Json;

/// <summary>JSON forms of drivechain values. Hashes with a display order (description hashes, M6IDs, txids, block hashes)
/// are shown reversed like txids; BMM commitments h* are raw bytes (spec §2.4).</summary>
public static class DrivechainJson
{
    public static string RawHex(UInt256 value) => Convert.ToHexStringLower(value.ToBytes());

    public static UInt256 ParseRawHash(string hex, string name)
    {
        if (hex.Length != 64 || !RpcHex.IsHex(hex))
            throw new RpcException(RpcErrorCode.InvalidParameter, $"{name} must be 32 bytes of hex (raw byte order)");
        return new UInt256(Convert.FromHexString(hex));
    }

    /// <summary>The honest "version 0" description (spec §10): 00 ‖ title length ‖ title ‖ description ‖ hashID1 (32) ‖ hashID2 (20).</summary>
    public static byte[] BuildDescription(string title, string description, ReadOnlySpan<byte> hashId1, ReadOnlySpan<byte> hashId2)
    {
        try
        {
            return new SidechainDeclarationV0(title, description, hashId1.ToArray(), hashId2.ToArray()).ToBytes();
        }
        catch (ArgumentException e)
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, e.Message.Split(" (Parameter")[0]);
        }
    }

    /// <summary>Title, description and hash IDs of a version-0 description, or null when it is not one.</summary>
    public static JsonNode? ParseDescription(ReadOnlySpan<byte> description) =>
        SidechainDeclarationV0.TryParse(description, out var declaration) ? ToNode(declaration.WriteTo) : null;

    /// <summary>A decoded coinbase message, treasury output, deposit address or M8 script (<see cref="ScriptDescription"/>).</summary>
    public static JsonNode DecodeScript(Bitcoin.Scripting.Script script) =>
        ScriptDescription.Describe(script.Span) is { } description ? ToNode(description.WriteTo) : ToNode(ScriptDescription.WriteNone);

    private static JsonNode ToNode(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer)) write(json);
        return JsonNode.Parse(buffer.WrittenSpan)!;
    }
}
