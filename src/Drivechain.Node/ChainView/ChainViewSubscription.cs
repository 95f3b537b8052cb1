namespace Drivechain.Node.ChainView;

/// <summary>One subscriber's bounded, ordered view of a chain view's changes (see <see cref="IChainView.Subscribe"/>).</summary>
public abstract class ChainViewSubscription(string name, int capacity) : IDisposable
{
    /// <summary>Who subscribed (for logs).</summary>
    public string Name { get; } = name;

    /// <summary>How many changes may wait unread before the subscription is dropped.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>True once the subscriber fell <see cref="Capacity"/> changes behind and was cut off.</summary>
    public abstract bool WasDropped { get; }

    /// <summary>Waits for a change; false when the subscription ended (closed or dropped).</summary>
    public abstract ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken);

    /// <summary>The next change, if one is waiting.</summary>
    public abstract bool TryRead(out ChainViewChange change);

    /// <summary>Stops receiving changes.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the subscription.</summary>
    protected abstract void Dispose(bool disposing);
}
