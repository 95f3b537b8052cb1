namespace Drivechain.Consensus.State;

/// <summary>An effective M4 action on one slot (spec §4.3.4).</summary>
public enum M4ActionKind : byte
{
    /// <summary>UPVOTE(m6id): the bundle +1, its positive siblings −1.</summary>
    Upvote = 1,
    /// <summary>ALARM: every positive bundle −1.</summary>
    Alarm = 2,
}
