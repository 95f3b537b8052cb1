namespace Drivechain.Bitcoin.Validation;

/// <summary>
/// The BIP68 relative lock of a transaction in nLockTime semantics: the last height and median time past at which it
/// is NOT yet valid (−1 = no constraint).
/// </summary>
/// <param name="MinHeight">The last invalid height.</param>
/// <param name="MinTime">The last invalid median time past.</param>
public readonly record struct SequenceLock(int MinHeight, long MinTime)
{
    /// <summary>No relative lock.</summary>
    public static SequenceLock None => new(-1, -1);
}
