namespace Drivechain.Node.Dashboard;

/// <summary>
/// One Server-Sent Event of the dashboard: the tip moved (<c>connected</c>, <c>disconnected</c>) or the dashboard
/// re-read the chain (<c>resync</c>). <see cref="NodeTimeMs"/> is when the node's dashboard handled the change (Unix ms).
/// </summary>
public sealed record DashboardEvent(string Type, int Height, string Hash, long Sequence, long NodeTimeMs);
