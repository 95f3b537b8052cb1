using System.Collections.Immutable;

namespace Drivechain.Node.Chain.Tip;

/// <summary>
/// The one stream of active-chain changes. Only the chain's owner publishes (under its lock, in order); every consumer
/// (mempool, miner, RPC waits, P2P relay, gRPC subscriptions, wallet, dashboard) reads its own bounded
/// <see cref="TipChangeSubscription"/>. Publishing never waits: a subscriber whose buffer is full is dropped.
/// </summary>
public sealed class TipChangeStream
{
    /// <summary>Buffer of a subscription unless its owner asks for another size.</summary>
    public const int DefaultCapacity = 4096;

    private readonly Lock _lock = new();
    private ImmutableArray<TipChangeSubscription> _subscribers = [];

    /// <summary>The sequence number of the last published change (0 before the first).</summary>
    public long LastSequence { get; private set; }

    /// <summary>Number of live subscriptions.</summary>
    public int SubscriberCount => _subscribers.Length;

    /// <summary>
    /// A new subscription that receives every change published after this call. Callers that need to know where it
    /// starts subscribe through the chain's owner, which does so under its lock together with reading the tip.
    /// </summary>
    public TipChangeSubscription Subscribe(string name, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new TipChangeSubscription(this, name, capacity, LastSequence);
        lock (_lock) _subscribers = _subscribers.Add(subscription);
        return subscription;
    }

    /// <summary>Numbers <paramref name="create"/>'s change and hands it to every subscriber; never blocks.</summary>
    internal TipChange Publish(Func<long, TipChange> create)
    {
        var change = create(LastSequence + 1);
        LastSequence = change.Sequence;
        foreach (var subscriber in _subscribers)
            if (!subscriber.Offer(change)) Remove(subscriber);
        return change;
    }

    internal void Remove(TipChangeSubscription subscription)
    {
        lock (_lock) _subscribers = _subscribers.Remove(subscription);
    }
}
