namespace Drivechain.Node.Chain.Tip;

/// <summary>A tip-change subscriber fell too far behind and was cut off; it must resynchronise from the chain.</summary>
public sealed class TipChangeSubscriberDroppedException(string subscriber, int capacity)
    : Exception($"tip-change subscriber '{subscriber}' fell {capacity} changes behind and was dropped")
{
    /// <summary>The subscriber's name.</summary>
    public string Subscriber { get; } = subscriber;
}
