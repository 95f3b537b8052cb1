using System.Collections.Immutable;
using System.Threading.Channels;

namespace Drivechain.Node.Dashboard;

/// <summary>
/// Fans dashboard events out to the connected browsers. Each browser gets a small bounded buffer; one that does not
/// keep up is dropped (its stream ends and the browser reconnects and re-reads), never waited for.
/// </summary>
public sealed class DashboardEvents
{
    /// <summary>Events a browser may leave unread before it is dropped.</summary>
    public const int ClientCapacity = 32;

    private readonly Lock _lock = new();
    private ImmutableArray<Channel<DashboardEvent>> _clients = [];

    /// <summary>The last event published (the tip the page should show), or null before the first.</summary>
    public DashboardEvent? Last { get; private set; }

    /// <summary>Number of connected browsers.</summary>
    public int ClientCount => _clients.Length;

    /// <summary>Browsers dropped for falling behind, since start.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    private long _dropped;

    /// <summary>A new client buffer; dispose-free: call <see cref="Unsubscribe"/> when the browser goes away.</summary>
    public Channel<DashboardEvent> Subscribe()
    {
        var channel = Channel.CreateBounded<DashboardEvent>(new BoundedChannelOptions(ClientCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,   // TryWrite fails when full: we drop the client instead of waiting
            SingleReader = true,
            SingleWriter = true,
        });
        lock (_lock) _clients = _clients.Add(channel);
        return channel;
    }

    public void Unsubscribe(Channel<DashboardEvent> channel)
    {
        lock (_lock) _clients = _clients.Remove(channel);
        channel.Writer.TryComplete();
    }

    /// <summary>Hands <paramref name="e"/> to every browser; never blocks.</summary>
    public void Publish(DashboardEvent e)
    {
        Last = e;
        foreach (var client in _clients)
        {
            if (client.Writer.TryWrite(e)) continue;
            Interlocked.Increment(ref _dropped);
            Unsubscribe(client);
        }
    }
}
