using Serilog;
using Serilog.Events;

namespace Drivechain.Node.Hosting;

/// <summary>The node's Serilog pipeline: console plus a daily rolling <c>debug-*.log</c> in the chain data directory (async).</summary>
public static class NodeLogging
{
    private const string ConsoleTemplate = "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <param name="options">Bound options; when their chain selection is invalid only the console sink is used.</param>
    public static ILogger CreateLogger(NodeOptions options)
    {
        var level = NodeOptionsValidation.IsLogLevel(options.LogLevel)
            ? Enum.Parse<LogEventLevel>(options.LogLevel, ignoreCase: true)
            : LogEventLevel.Information;
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            // A fatal start-up error stops the host while other services are still starting; the host then reports the
            // cancellation with a stack trace. The cause is already logged in one line: drop the echo. Likewise a port
            // already in use (IOException): `drivechain node` prints it as one "Error: …" line.
            .Filter.ByExcluding(e => e.Exception is OperationCanceledException or IOException
                && e.Properties.TryGetValue("SourceContext", out var source)
                && source.ToString() == "\"Microsoft.Extensions.Hosting.Internal.Host\"")
            .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (options.TryResolveChain(out _, out _) && !string.IsNullOrWhiteSpace(options.DataDir))
        {
            var logPath = Path.Combine(options.ChainDataDirectory, "logs", "debug-.log");
            config = config.WriteTo.Async(a => a.File(logPath, outputTemplate: ConsoleTemplate,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                rollingInterval: RollingInterval.Day, fileSizeLimitBytes: 64 * 1024 * 1024,
                rollOnFileSizeLimit: true, retainedFileCountLimit: 14, shared: false));
        }
        return config.CreateLogger();
    }
}
