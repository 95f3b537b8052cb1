using System.Text.Json;

namespace Drivechain.Consensus.Vectors;

public static partial class VectorReader
{
    private static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new VectorFormatException("unexpected end of the file");
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
            throw new VectorFormatException($"{what} must be {Describe(type)}, found {Describe(reader.TokenType)}");
    }

    /// <summary>Inside an object: moves to the next property's value; false at the object's end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        Read(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject) { name = ""; return false; }
        name = reader.GetString()!;
        Read(ref reader);
        return true;
    }

    private static string ReadString(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new VectorFormatException($"{what} must be a string, found {Describe(reader.TokenType)}");
        return reader.GetString()!;
    }

    private static string? ReadNullableString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }
        return reader.GetString();
    }

    private static int ReadInt(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value))
            throw new VectorFormatException($"{what} must be an integer");
        return value;
    }

    private static long ReadLong(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value))
            throw new VectorFormatException($"{what} must be an integer");
        return value;
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };

    /// <summary>A well-formed JSON document that is not a valid vector; caught in <see cref="TryRead"/>.</summary>
    private sealed class VectorFormatException(string message) : Exception(message);
}
