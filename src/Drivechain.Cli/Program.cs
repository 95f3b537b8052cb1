using System.CommandLine;
using Drivechain.Cli.Commands;

namespace Drivechain.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        var root = new RootCommand("Drivechain.NET");
        root.Subcommands.Add(NodeCommand.Create());
        return root.Parse(args).InvokeAsync();
    }
}
