using Drivechain.Consensus.State;
using Drivechain.Node.Chain;
using Drivechain.Node.Chain.Tip;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Hosting;

/// <summary>Core's <c>-stopatheight</c>: follows the tip-change stream and stops the node once the chain reaches the height.</summary>
public sealed partial class StopAtHeightService(NodeChain node, IOptions<NodeOptions> options, IHostApplicationLifetime lifetime,
    ILogger<StopAtHeightService> log) : TipChangeConsumer(node, log, "stop-at-height")
{
    private readonly int _height = options.Value.StopAtHeight;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _height > 0 ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    protected override ValueTask OnSubscribedAsync(BlockIndex tip, DrivechainState state, long startSequence, CancellationToken cancellationToken)
    {
        StopAt(tip.Height);
        return default;
    }

    protected override ValueTask OnChangeAsync(TipChange change, CancellationToken cancellationToken)
    {
        if (change is TipChange.Connected) StopAt(change.Index.Height);
        return default;
    }

    private void StopAt(int height)
    {
        if (height < _height) return;
        LogStopping(log, height);
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reached height {Height} (-stopatheight): stopping")]
    private static partial void LogStopping(ILogger logger, int height);
}
