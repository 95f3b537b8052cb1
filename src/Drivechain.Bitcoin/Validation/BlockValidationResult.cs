namespace Drivechain.Bitcoin.Validation;

/// <summary>
/// The kind of a block failure, as Bitcoin Core's BlockValidationResult: it tells the caller whether the block's
/// hash may be remembered as invalid.
/// </summary>
public enum BlockValidationResult
{
    /// <summary>A consensus rule is broken: the block (and its descendants) are invalid for good.</summary>
    Consensus,

    /// <summary>The header is invalid (proof of work, bits, time, version): invalid for good.</summary>
    InvalidHeader,

    /// <summary>
    /// The block's data does not match what its header commits to (merkle root, duplicated transactions, witness
    /// commitment): another copy with the same hash may be valid, so the hash must not be marked invalid.
    /// </summary>
    Mutated,

    /// <summary>The timestamp is too far in the future: the same block may become acceptable later.</summary>
    TimeFuture,

    /// <summary>The parent is unknown ("prev-blk-not-found"): the block may connect once its ancestors arrive.</summary>
    MissingPrevious,

    /// <summary>The parent is known to be invalid ("bad-prevblk"): so is the block.</summary>
    InvalidPrevious,
}
