using System.CommandLine;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Cli.Decoding;

namespace Drivechain.Cli.Commands;

/// <summary><c>drivechain m6id &lt;tx-hex&gt; &lt;ctip-value-sats&gt;</c>: the M6ID of spec §4.7.2.</summary>
internal static class M6IdCommand
{
    public static Command Create()
    {
        var hex = new Argument<string>("tx-hex") { Description = "The M6 transaction (treasury output at index 0) in hex." };
        var ctip = new Argument<long>("ctip-value-sats") { Description = "Value in satoshis of the CTIP the M6 spends." };
        var command = new Command("m6id", "Compute the M6ID (blinded txid) of a withdrawal transaction.") { hex, ctip };
        command.SetAction(parse => Run(parse.GetRequiredValue(hex), parse.GetValue(ctip),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string hex, long ctipValue, TextWriter output, TextWriter error)
    {
        if (!Transaction.TryParseHex(hex.Trim(), out var tx, out var parseError))
        {
            error.WriteLine($"error: not a transaction: {Describe(parseError)}");
            return 1;
        }
        if (!M6IdCalculator.TryCompute(tx, ctipValue, out var m6Id, out var problem))
        {
            error.WriteLine($"error: {problem}");
            return 1;
        }
        output.WriteLine($"m6id:          {m6Id}");
        output.WriteLine($"m6id internal: {m6Id.ToInternalHex()}");
        return 0;
    }

    private static string Describe(Bitcoin.Serialization.ParseError error) =>
        error.Kind == Bitcoin.Serialization.ParseErrorKind.InvalidText ? "the text is not hex" : $"{error.Kind} at byte {error.Position}";
}
