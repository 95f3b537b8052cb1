namespace Drivechain.Node.P2P;

/// <summary>getnettotals: bytes received and sent over every P2P connection since start-up.</summary>
public sealed class NetTotals
{
    private long _received;
    private long _sent;

    public long BytesReceived => Interlocked.Read(ref _received);

    public long BytesSent => Interlocked.Read(ref _sent);

    internal void AddReceived(long count) => Interlocked.Add(ref _received, count);

    internal void AddSent(long count) => Interlocked.Add(ref _sent, count);
}
