using System.CommandLine;
using Drivechain.Cli.Commands;

namespace Drivechain.Cli;

/// <summary>The <c>drivechain</c> command tree. Tests call <see cref="Run"/> in-process with captured writers.</summary>
internal static class CliApp
{
    /// <summary>The exit code of a command line that does not parse.</summary>
    public const int UsageErrorExitCode = 2;

    /// <summary>Builds the root command with its subcommands.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Drivechain.NET — BIP300/301 tools: replay test vectors, decode scripts/transactions/blocks, compute M6IDs.");
        root.Add(ReplayCommand.Create());
        root.Add(DecodeCommand.Create());
        root.Add(M6IdCommand.Create());
        root.Add(VersionCommand.Create());
        root.Add(NodeCommand.Create());
        root.Add(BenchCommand.Create());
        root.Add(SidecarCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = CreateRootCommand();
        // No termination timeout: the node's generic host handles SIGINT/SIGTERM itself and must be allowed to
        // finish flushing its chain state; System.CommandLine would otherwise force an exit after 2 seconds.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        var parsed = root.Parse(args);
        var exitCode = parsed.Invoke(configuration);
        // Usage errors (unknown command, missing or unparsable argument) exit 2, as POSIX tools do.
        return parsed.Errors.Count > 0 ? UsageErrorExitCode : exitCode;
    }
}
