using System.Buffers;
using System.Text;
using System.Text.Json;
using Drivechain.Consensus.Description;

namespace Drivechain.Native;

/// <summary>dc_decode_message: what a script is in drivechain terms, as JSON (<see cref="ScriptDescription"/>;
/// <c>{"type":"none",…}</c> for anything else).</summary>
internal static class MessageJson
{
    public static string Write(byte[] script)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            if (ScriptDescription.Describe(script) is { } description) description.WriteTo(json);
            else ScriptDescription.WriteNone(json);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
