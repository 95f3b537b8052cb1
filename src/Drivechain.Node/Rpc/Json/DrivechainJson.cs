using System.Text;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;

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
        var titleBytes = Encoding.UTF8.GetBytes(title);
        if (titleBytes.Length > 255) throw new RpcException(RpcErrorCode.InvalidParameter, "title is longer than 255 bytes");
        var descriptionBytes = Encoding.UTF8.GetBytes(description);
        return [0, (byte)titleBytes.Length, .. titleBytes, .. descriptionBytes, .. hashId1, .. hashId2];
    }

    /// <summary>Title, description and hash IDs of a version-0 description, or null when it is not one.</summary>
    public static JsonObject? ParseDescription(ReadOnlySpan<byte> d)
    {
        if (d.Length < 2 + 52 || d[0] != 0 || d.Length < 2 + d[1] + 52) return null;
        var title = d.Slice(2, d[1]);
        var rest = d[(2 + d[1])..];
        var text = rest[..^52];
        try
        {
            var strict = new UTF8Encoding(false, true);
            return new JsonObject
            {
                ["version"] = 0,
                ["title"] = strict.GetString(title),
                ["description"] = strict.GetString(text),
                ["hashid1"] = Convert.ToHexStringLower(rest[^52..^20]),
                ["hashid2"] = Convert.ToHexStringLower(rest[^20..]),
            };
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A decoded coinbase message, treasury output, deposit address or M8 script.</summary>
    public static JsonObject DecodeScript(Bitcoin.Scripting.Script script)
    {
        if (M8BmmRequest.TryParse(script.Span, out var m8))
            return new JsonObject
            {
                ["type"] = "M8",
                ["name"] = "BMM request",
                ["slot"] = m8.Slot,
                ["sidechain_block_hash"] = RawHex(m8.SidechainBlockHash),
                ["prev_mainchain_block_hash"] = m8.PreviousMainchainBlockHash.ToString(),
            };
        if (CoinbaseMessage.TryParse(script, out var message))
        {
            return message switch
            {
                M1ProposeSidechain m1 => new JsonObject
                {
                    ["type"] = "M1", ["name"] = "propose sidechain", ["slot"] = m1.Slot,
                    ["description"] = Convert.ToHexStringLower(m1.Description.AsSpan()),
                    ["description_hash"] = m1.DescriptionHash.ToString(),
                    ["declaration"] = ParseDescription(m1.Description.AsSpan()),
                },
                M2AckSidechain m2 => new JsonObject { ["type"] = "M2", ["name"] = "ACK sidechain proposal", ["slot"] = m2.Slot, ["description_hash"] = m2.DescriptionHash.ToString() },
                M3ProposeBundle m3 => new JsonObject { ["type"] = "M3", ["name"] = "propose withdrawal bundle", ["slot"] = m3.Slot, ["m6id"] = m3.M6Id.ToString() },
                M4AckBundles m4 => new JsonObject
                {
                    ["type"] = "M4", ["name"] = "ACK withdrawal bundles", ["version"] = (int)m4.Version,
                    ["version_name"] = m4.Version.ToString(),
                    ["votes"] = new JsonArray([.. m4.Votes.Select(v => (JsonNode?)(v switch
                    {
                        M4AckBundles.Abstain => JsonValue.Create("abstain"),
                        M4AckBundles.Alarm => JsonValue.Create("alarm"),
                        _ => JsonValue.Create((int)v),
                    }))]),
                },
                M7BmmAccept m7 => new JsonObject { ["type"] = "M7", ["name"] = "BMM accept", ["slot"] = m7.Slot, ["sidechain_block_hash"] = RawHex(m7.SidechainBlockHash) },
                _ => new JsonObject { ["type"] = message.GetType().Name },
            };
        }
        if (TreasuryScript.TryParse(script.Span, out var slot))
            return new JsonObject { ["type"] = "treasury", ["name"] = "treasury output (OP_DRIVECHAIN)", ["slot"] = slot };
        if (DepositAddress.TryParse(script.Span, out var address))
            return new JsonObject
            {
                ["type"] = "deposit_address", ["name"] = "deposit address output (OP_RETURN push)",
                ["address_hex"] = Convert.ToHexStringLower(address),
                ["address_text"] = Encoding.UTF8.GetString(address),
            };
        return new JsonObject { ["type"] = "none", ["name"] = "not a drivechain script" };
    }
}
