using System.CommandLine;
using Drivechain.Cli.Replay;

namespace Drivechain.Cli.Commands;

/// <summary><c>drivechain replay &lt;file-or-directory&gt;...</c> — the contract of vectors-format.md.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Vector files, or directories (every *.json in them, recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "For a failing vector, print the first block that disagrees, the expectation and the node's verdict." };
        var json = new Option<bool>("--json") { Description = "Print a machine-readable JSON report instead of text." };
        var command = new Command("replay", "Replay drivechain-vectors/1 files, each from a fresh in-memory chain.") { paths, verbose, json };
        command.SetAction(parse => Run(parse.GetRequiredValue(paths), parse.GetValue(verbose), parse.GetValue(json),
            parse.InvocationConfiguration.Output));
        return command;
    }

    /// <summary>Replays every vector; 0 when all pass, 1 otherwise.</summary>
    public static int Run(string[] paths, bool verbose, bool json, TextWriter output)
    {
        var results = new List<VectorResult>();
        foreach (var (path, error) in VectorDiscovery.Expand(paths))
        {
            var result = error is null
                ? VectorReplayer.ReplayFile(path)
                : new VectorResult(path, Path.GetFileNameWithoutExtension(path), 0, 0, error, null, TimeSpan.Zero);
            results.Add(result);
            if (!json) ReplayReport.WriteText(output, result, verbose);
        }
        var passed = results.Count(r => r.Passed);
        if (json) ReplayReport.WriteJson(output, results);
        else ReplayReport.WriteSummary(output, passed, results.Count - passed);
        return passed == results.Count ? 0 : 1;
    }
}
