namespace Drivechain.Node.P2P;

/// <summary>One manual ban: when it was made and until when it holds (Unix seconds).</summary>
public readonly record struct BanEntry(long Created, long Until);
