using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Consensus.Vectors;

/// <summary>
/// Reads a <c>drivechain-vectors/1</c> file with <see cref="Utf8JsonReader"/> in one forward pass: block hex is
/// decoded straight from the UTF-8 buffer. Unknown fields are skipped. Bad input is returned as a message.
/// </summary>
public static partial class VectorReader
{
    /// <summary>Parses a vector; false with a message naming what is wrong and where.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, string fallbackName, [NotNullWhen(true)] out VectorFile? file, [NotNullWhen(false)] out string? error) =>
        TryParse(json, fallbackName, ReadFile, out file, out error);

    /// <summary>
    /// Parses a standalone <c>params</c> object (what libdrivechain's <c>dc_validator_create_json</c> takes);
    /// false with a message naming what is wrong and where.
    /// </summary>
    public static bool TryReadParams(ReadOnlySpan<byte> json, [NotNullWhen(true)] out VectorParams? parameters, [NotNullWhen(false)] out string? error) =>
        TryParse(json, "params", ReadTopLevelParams, out parameters, out error);

    private static VectorParams ReadTopLevelParams(ref Utf8JsonReader reader, string what)
    {
        Read(ref reader);
        return ReadParams(ref reader);
    }

    private static bool TryParse<T>(ReadOnlySpan<byte> json, string what, ElementReader<T> read,
        [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? error) where T : class
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            value = read(ref reader, what);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            // The reader reports malformed JSON by exception; this is the boundary that turns it into a value.
            error = $"invalid JSON: {e.Message}";
        }
        catch (VectorFormatException e)
        {
            error = e.Message;
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader.Get* on a token of the wrong kind (e.g. a string where a number belongs).
            error = $"invalid vector: {e.Message} (byte {reader.TokenStartIndex})";
        }
        value = null;
        return false;
    }

    private static VectorFile ReadFile(ref Utf8JsonReader reader, string fallbackName)
    {
        Read(ref reader);
        Expect(ref reader, JsonTokenType.StartObject, "the top level");
        string? format = null, name = null, description = null;
        VectorParams? parameters = null;
        ImmutableArray<VectorBlock>? blocks = null;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "format": format = ReadString(ref reader, "format"); break;
                case "name": name = ReadString(ref reader, "name"); break;
                case "description": description = ReadNullableString(ref reader); break;
                case "params": parameters = ReadParams(ref reader); break;
                case "blocks": blocks = ReadBlocks(ref reader); break;
                default: reader.Skip(); break;
            }
        }
        if (format is null) throw new VectorFormatException("missing \"format\"");
        if (format != VectorFile.Format)
            throw new VectorFormatException($"unsupported format \"{format}\" (expected \"{VectorFile.Format}\")");
        if (parameters is null) throw new VectorFormatException("missing \"params\"");
        if (blocks is null) throw new VectorFormatException("missing \"blocks\"");
        return new VectorFile(name ?? fallbackName, description, parameters, blocks.Value);
    }

    private static VectorParams ReadParams(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "params");
        string? network = null;
        VectorThresholds? thresholds = null;
        int? activationHeight = null;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "network": network = ReadString(ref reader, "params.network"); break;
                case "thresholds":
                    thresholds = reader.TokenType == JsonTokenType.Null ? null : ReadThresholds(ref reader);
                    break;
                case "activationHeight":
                    activationHeight = reader.TokenType == JsonTokenType.Null ? null : ReadInt(ref reader, "params.activationHeight");
                    break;
                default: reader.Skip(); break;
            }
        }
        if (network is null) throw new VectorFormatException("missing \"params.network\"");
        return new VectorParams(network, thresholds, activationHeight);
    }

    private static VectorThresholds ReadThresholds(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "params.thresholds");
        int? a = null, b = null, c = null, d = null, e = null, f = null;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "withdrawalBundleMaxAge": a = ReadInt(ref reader, property); break;
                case "withdrawalBundleInclusionThreshold": b = ReadInt(ref reader, property); break;
                case "usedSlotProposalMaxAge": c = ReadInt(ref reader, property); break;
                case "usedSlotActivationThreshold": d = ReadInt(ref reader, property); break;
                case "unusedSlotProposalMaxAge": e = ReadInt(ref reader, property); break;
                case "unusedSlotActivationThreshold": f = ReadInt(ref reader, property); break;
                default: reader.Skip(); break;
            }
        }
        return new VectorThresholds(a, b, c, d, e, f);
    }

    private static ImmutableArray<VectorBlock> ReadBlocks(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray, "blocks");
        var blocks = ImmutableArray.CreateBuilder<VectorBlock>();
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray) break;
            blocks.Add(ReadBlock(ref reader, blocks.Count));
        }
        return blocks.DrainToImmutable();
    }

    private static VectorBlock ReadBlock(ref Utf8JsonReader reader, int index)
    {
        Expect(ref reader, JsonTokenType.StartObject, $"blocks[{index}]");
        byte[]? bytes = null;
        string? expect = null, code = null, note = null;
        VectorState? state = null;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "hex": bytes = ReadHex(ref reader, index); break;
                case "expect": expect = ReadString(ref reader, $"blocks[{index}].expect"); break;
                case "code": code = ReadNullableString(ref reader); break;
                case "note": note = ReadNullableString(ref reader); break;
                case "state":
                    state = reader.TokenType == JsonTokenType.Null ? null : ReadState(ref reader, $"blocks[{index}].state");
                    break;
                default: reader.Skip(); break;
            }
        }
        if (bytes is null) throw new VectorFormatException($"blocks[{index}]: missing \"hex\"");
        var accept = expect switch
        {
            "accept" => true,
            "reject" => false,
            null => throw new VectorFormatException($"blocks[{index}]: missing \"expect\""),
            _ => throw new VectorFormatException($"blocks[{index}]: \"expect\" must be \"accept\" or \"reject\", not \"{expect}\""),
        };
        return new VectorBlock(index, bytes, accept, accept ? null : code, state, note);
    }

    private static byte[] ReadHex(ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new VectorFormatException($"blocks[{index}].hex must be a string");
        var utf8 = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
        if (!Hex.TryDecode(utf8, out var bytes, out var bad))
        {
            throw new VectorFormatException(bad >= utf8.Length
                ? $"blocks[{index}].hex has an odd number of digits ({utf8.Length})"
                : $"blocks[{index}].hex has a non-hex character at offset {bad}");
        }
        return bytes;
    }

    private static UInt256 ReadHash(ref Utf8JsonReader reader, string what)
    {
        var text = ReadString(ref reader, what);
        if (text.Length != 64 || !UInt256.TryParse(text, out var value))
            throw new VectorFormatException($"{what} must be 64 hex digits, not \"{text}\"");
        return value;
    }
}
