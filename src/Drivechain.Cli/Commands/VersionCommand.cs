using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Drivechain.Cli.Commands;

/// <summary><c>drivechain version</c>.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine($"drivechain {Version} ({RuntimeInformation.FrameworkDescription})");
            return 0;
        });
        return command;
    }

    /// <summary>The informational version of the executable.</summary>
    public static string Version =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionCommand).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
