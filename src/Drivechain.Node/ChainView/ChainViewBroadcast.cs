using System.Collections.Immutable;
using System.Threading.Channels;

namespace Drivechain.Node.ChainView;

/// <summary>
/// Hands each published <see cref="ChainViewChange"/> to every subscriber's bounded buffer, in order, never waiting: a
/// subscriber whose buffer is full is dropped (its reader ends, <see cref="ChainViewSubscription.WasDropped"/> is set).
/// For chain views without a tip-change stream of their own (the sidecar). One publisher; subscribers on any thread.
/// </summary>
public sealed class ChainViewBroadcast
{
    private readonly Lock _lock = new();
    private ImmutableArray<Subscription> _subscribers = [];

    /// <summary>A new subscription receiving every change published after this call.</summary>
    public ChainViewSubscription Subscribe(string name, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new Subscription(this, name, capacity);
        lock (_lock) _subscribers = _subscribers.Add(subscription);
        return subscription;
    }

    /// <summary>Offers <paramref name="change"/> to every subscriber; drops those that are full.</summary>
    public void Publish(ChainViewChange change)
    {
        foreach (var subscriber in _subscribers)
            if (!subscriber.Offer(change)) Remove(subscriber);
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock) _subscribers = _subscribers.Remove(subscription);
    }

    private sealed class Subscription(ChainViewBroadcast owner, string name, int capacity) : ChainViewSubscription(name, capacity)
    {
        private readonly Channel<ChainViewChange> _channel = Channel.CreateBounded<ChainViewChange>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = true });
        private volatile bool _dropped;

        public override bool WasDropped => _dropped;

        public bool Offer(ChainViewChange change)
        {
            if (_channel.Writer.TryWrite(change)) return true;
            _dropped = true;
            _channel.Writer.TryComplete();
            return false;
        }

        public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) =>
            _dropped ? ValueTask.FromResult(false) : _channel.Reader.WaitToReadAsync(cancellationToken);

        public override bool TryRead(out ChainViewChange change)
        {
            change = null!;
            return !_dropped && _channel.Reader.TryRead(out change!);
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            owner.Remove(this);
            _channel.Writer.TryComplete();
        }
    }
}
