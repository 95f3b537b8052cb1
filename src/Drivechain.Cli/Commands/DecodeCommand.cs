using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;
using Drivechain.Cli.Decoding;

namespace Drivechain.Cli.Commands;

/// <summary><c>drivechain decode &lt;hex&gt;</c>: block, else transaction, else script; drivechain messages named.</summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var hex = new Argument<string>("hex") { Description = "A serialized block, transaction or script in hex." };
        var command = new Command("decode", "Decode a block, transaction or script (tried in that order) and name every drivechain message in it.") { hex };
        command.SetAction(parse => Run(parse.GetRequiredValue(hex), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string hex, TextWriter output, TextWriter error)
    {
        hex = hex.Trim();
        if (!Hex.TryDecode(Encoding.ASCII.GetBytes(hex), out var bytes, out var bad))
        {
            error.WriteLine(bad >= hex.Length
                ? $"error: the hex has an odd number of digits ({hex.Length})"
                : $"error: not hex: character '{hex[bad]}' at offset {bad}");
            return 1;
        }
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (Block.TryParse(bytes, out var block, out _)) DecodeWriter.WriteBlock(json, block);
            else if (Transaction.TryParse(bytes, out var tx, out _)) DecodeWriter.WriteTransaction(json, tx);
            else DecodeWriter.WriteScript(json, bytes);
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        return 0;
    }
}
