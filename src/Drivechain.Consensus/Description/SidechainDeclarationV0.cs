using System.Text;
using System.Text.Json;

namespace Drivechain.Consensus.Description;

/// <summary>
/// The honest "version 0" sidechain declaration an M1 description carries (spec §10, policy):
/// <c>00</c> ‖ title length (1 byte) ‖ title ‖ description ‖ hashID1 (32) ‖ hashID2 (20).
/// Consensus never parses a description; this type is for building one and for display.
/// </summary>
/// <param name="Title">UTF-8 title, at most 255 bytes.</param>
/// <param name="Text">UTF-8 free text.</param>
/// <param name="HashId1">32 bytes.</param>
/// <param name="HashId2">20 bytes.</param>
public sealed record SidechainDeclarationV0(string Title, string Text, ReadOnlyMemory<byte> HashId1, ReadOnlyMemory<byte> HashId2)
{
    /// <summary>Length of hashID1.</summary>
    public const int HashId1Length = 32;

    /// <summary>Length of hashID2.</summary>
    public const int HashId2Length = 20;

    private static readonly UTF8Encoding Strict = new(false, true);

    /// <summary>The description bytes (§10). Throws <see cref="ArgumentException"/> for a title over 255 bytes or hash IDs of the wrong length.</summary>
    public byte[] ToBytes()
    {
        var title = Encoding.UTF8.GetBytes(Title);
        if (title.Length > 255) throw new ArgumentException("title is longer than 255 bytes", nameof(Title));
        if (HashId1.Length != HashId1Length || HashId2.Length != HashId2Length)
            throw new ArgumentException($"hashid1 must be {HashId1Length} bytes and hashid2 {HashId2Length} bytes");
        return [0, (byte)title.Length, .. title, .. Encoding.UTF8.GetBytes(Text), .. HashId1.Span, .. HashId2.Span];
    }

    /// <summary>The declaration in <paramref name="description"/>, or false when it is not a version-0 declaration with UTF-8 text.</summary>
    public static bool TryParse(ReadOnlySpan<byte> description, out SidechainDeclarationV0 declaration)
    {
        declaration = null!;
        const int hashes = HashId1Length + HashId2Length;
        if (description.Length < 2 + hashes || description[0] != 0 || description.Length < 2 + description[1] + hashes) return false;
        var title = description.Slice(2, description[1]);
        var rest = description[(2 + description[1])..];
        try
        {
            declaration = new SidechainDeclarationV0(Strict.GetString(title), Strict.GetString(rest[..^hashes]),
                rest[^hashes..^HashId2Length].ToArray(), rest[^HashId2Length..].ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Writes the declaration as a JSON object: version, title, description, hashid1, hashid2 (hex).</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteNumber("version", 0);
        json.WriteString("title", Title);
        json.WriteString("description", Text);
        json.WriteString("hashid1", Convert.ToHexStringLower(HashId1.Span));
        json.WriteString("hashid2", Convert.ToHexStringLower(HashId2.Span));
        json.WriteEndObject();
    }
}
