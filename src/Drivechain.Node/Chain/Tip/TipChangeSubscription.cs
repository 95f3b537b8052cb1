using System.Threading.Channels;

namespace Drivechain.Node.Chain.Tip;

/// <summary>
/// One consumer's bounded view of the <see cref="TipChangeStream"/>. When the buffer is full the subscription is
/// dropped: <see cref="Reader"/> completes with <see cref="TipChangeSubscriberDroppedException"/> and
/// <see cref="WasDropped"/> is set, so the consumer resynchronises from the chain instead of slowing validation.
/// </summary>
public sealed class TipChangeSubscription : IDisposable
{
    private readonly TipChangeStream _stream;
    private readonly Channel<TipChange> _channel;

    internal TipChangeSubscription(TipChangeStream stream, string name, int capacity, long startSequence)
    {
        _stream = stream;
        Name = name;
        Capacity = capacity;
        StartSequence = startSequence;
        _channel = Channel.CreateBounded<TipChange>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,     // TryWrite then fails instead of waiting: we drop the subscriber
            SingleWriter = true,
            SingleReader = false,
        });
    }

    /// <summary>Who subscribed (for logs).</summary>
    public string Name { get; }

    /// <summary>How many changes may wait unread before the subscription is dropped.</summary>
    public int Capacity { get; }

    /// <summary>The stream's last sequence number when this subscription began; the first change it reads is the next.</summary>
    public long StartSequence { get; }

    /// <summary>The changes, in order.</summary>
    public ChannelReader<TipChange> Reader => _channel.Reader;

    /// <summary>True once the subscriber fell <see cref="Capacity"/> changes behind and was cut off.</summary>
    public bool WasDropped { get; private set; }

    internal bool Offer(TipChange change)
    {
        if (_channel.Writer.TryWrite(change)) return true;
        WasDropped = true;
        _channel.Writer.TryComplete(new TipChangeSubscriberDroppedException(Name, Capacity));
        return false;
    }

    /// <summary>Stops receiving changes; the reader completes.</summary>
    public void Dispose()
    {
        _stream.Remove(this);
        _channel.Writer.TryComplete();
    }
}
