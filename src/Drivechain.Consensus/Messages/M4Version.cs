namespace Drivechain.Consensus.Messages;

/// <summary>The M4 version byte (spec §1.1, §2.1).</summary>
public enum M4Version : byte
{
    /// <summary>v0: repeat the previous block's effective actions.</summary>
    RepeatPrevious = 0,
    /// <summary>v1: one byte per active slot.</summary>
    VotesOneByte = 1,
    /// <summary>v2: two bytes (little-endian) per active slot.</summary>
    VotesTwoBytes = 2,
    /// <summary>v3: upvote every bundle leading its slot by at least 50.</summary>
    UpvoteLeadingBy50 = 3,
}
