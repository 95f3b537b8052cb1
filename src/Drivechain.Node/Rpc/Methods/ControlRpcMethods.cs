using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using Drivechain.Node.Hosting;
using Microsoft.Extensions.Hosting;

namespace Drivechain.Node.Rpc.Methods;

/// <summary>Control RPCs: help, uptime, stop (the network ones live in <see cref="NetworkRpcMethods"/>).</summary>
public sealed class ControlRpcMethods(
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    NodeReadiness readiness,
    TimeProvider clock) : IRpcMethodProvider
{
    public const string ClientName = "Drivechain.NET";
    public const int ClientVersion = 100;   // 0.1.0, Core's numbering (major*10000 + minor*100 + patch)
    public const int ProtocolVersion = 70016;

    private readonly DateTimeOffset _started = clock.GetUtcNow();

    public IEnumerable<RpcMethod> GetMethods()
    {
        yield return new RpcMethod("help", "Control",
            [RpcArg.Opt("command", RpcArgType.String, "The command to get help on", "all commands")],
            "List all commands, or get help for a specified command.", "\"text\"    (string) The help text", Help);
        yield return new RpcMethod("uptime", "Control", [], "Returns the total uptime of the server.",
            "n    (numeric) The number of seconds that the server has been running", Uptime);
        yield return new RpcMethod("stop", "Control", [], "Request a graceful shutdown of the node.",
            "\"str\"    (string) A string with the content 'Drivechain.NET stopping'", Stop);
    }

    private ValueTask<JsonNode?> Help(RpcCall call, CancellationToken cancellationToken)
    {
        var table = (RpcMethodTable)services.GetService(typeof(RpcMethodTable))!;
        var command = call.Params.GetOptionalString("command");
        if (command is not null)
        {
            return ValueTask.FromResult<JsonNode?>(table.TryGet(command, out var method)
                ? method.Help.TrimEnd('\n')
                : $"help: unknown command: {command}");
        }
        var text = new StringBuilder();
        string? category = null;
        foreach (var method in table.All)
        {
            if (method.Category != category)
            {
                if (category is not null) text.Append('\n');
                category = method.Category;
                text.Append("== ").Append(category).Append(" ==\n");
            }
            text.Append(method.Synopsis).Append('\n');
        }
        return ValueTask.FromResult<JsonNode?>(text.ToString().TrimEnd('\n'));
    }

    private ValueTask<JsonNode?> Uptime(RpcCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult<JsonNode?>((long)(clock.GetUtcNow() - _started).TotalSeconds);

    private ValueTask<JsonNode?> Stop(RpcCall call, CancellationToken cancellationToken)
    {
        readiness.Transition(NodeState.Stopping, "stop RPC received");
        call.AfterReply(lifetime.StopApplication);
        return ValueTask.FromResult<JsonNode?>($"{ClientName} stopping");
    }
}
