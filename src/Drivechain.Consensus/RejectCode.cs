namespace Drivechain.Consensus;

/// <summary>
/// The rejection codes of spec §8. Each has one stable wire string (<see cref="RejectCodes.ToWireString"/>),
/// e.g. <see cref="M4UnknownBundle"/> ↔ <c>"M4_UNKNOWN_BUNDLE"</c>.
/// </summary>
public enum RejectCode
{
    /// <summary><c>BASE</c>: a plain Bitcoin consensus failure. Never produced by this library (the base layer reports it).</summary>
    Base = 1,
    /// <summary><c>M1_DUPLICATE</c>: two M1 with identical slot and description (§4.2).</summary>
    M1Duplicate,
    /// <summary><c>M2_DUPLICATE_SLOT</c>: two M2 for the same slot (§4.2).</summary>
    M2DuplicateSlot,
    /// <summary><c>M4_DUPLICATE</c>: more than one M4 (§4.2).</summary>
    M4Duplicate,
    /// <summary><c>M7_DUPLICATE_SLOT</c>: two M7 for the same slot (§4.2).</summary>
    M7DuplicateSlot,
    /// <summary><c>M3_INACTIVE_SIDECHAIN</c>: M3 for a slot not active when applied (§4.3.3).</summary>
    M3InactiveSidechain,
    /// <summary><c>M3_BUNDLE_ALREADY_PENDING</c>: M3 for an M6ID already pending in the slot (§4.3.3).</summary>
    M3BundleAlreadyPending,
    /// <summary><c>M4_TWO_BYTES_WITHIN_BYTE_RANGE</c>: v2 M4 whose every element is ≤ 253 (§4.3.4).</summary>
    M4TwoBytesWithinByteRange,
    /// <summary><c>M4_VOTE_COUNT_MISMATCH</c>: v1/v2 vector length ≠ active slot count (§4.3.4).</summary>
    M4VoteCountMismatch,
    /// <summary><c>M4_UNKNOWN_BUNDLE</c>: v1/v2 index ≥ pending bundle count (§4.3.4).</summary>
    M4UnknownBundle,
    /// <summary><c>TREASURY_MULTIPLE_OUTPUTS</c>: two treasury outputs for one active slot in a tx (§4.7.1).</summary>
    TreasuryMultipleOutputs,
    /// <summary><c>TREASURY_SPENT_WITHOUT_SUCCESSOR</c>: a CTIP spent without a new treasury output (§4.7.1).</summary>
    TreasurySpentWithoutSuccessor,
    /// <summary><c>TREASURY_CTIP_NOT_SPENT</c>: a treasury output for a slot whose CTIP the tx does not spend (§4.7.1).</summary>
    TreasuryCtipNotSpent,
    /// <summary><c>TREASURY_ZERO_DIFF</c>: new treasury value equals the old one (§4.7.1).</summary>
    TreasuryZeroDiff,
    /// <summary><c>M5_MISSING_ADDRESS</c>: deposit not followed by an address output (§4.7.1).</summary>
    M5MissingAddress,
    /// <summary><c>M5_M6_AMBIGUOUS</c>: a tx both deposits and withdraws (§4.7.1).</summary>
    M5M6Ambiguous,
    /// <summary><c>M6_INPUT_COUNT</c>: withdrawal with ≠ 1 input (§4.7.1).</summary>
    M6InputCount,
    /// <summary><c>M6_TREASURY_NOT_FIRST</c>: withdrawal's treasury output is not output 0 (§4.7.1).</summary>
    M6TreasuryNotFirst,
    /// <summary><c>M6_MULTIPLE_WITHDRAWALS</c>: two withdrawals in one tx (unreachable, §12.2).</summary>
    M6MultipleWithdrawals,
    /// <summary><c>M6_INSUFFICIENT_TREASURY</c>: treasury + payouts exceed the spent CTIP (§4.7.2).</summary>
    M6InsufficientTreasury,
    /// <summary><c>M6_UNKNOWN_BUNDLE</c>: withdrawal's M6ID not pending for its slot (§4.7.1).</summary>
    M6UnknownBundle,
    /// <summary><c>M6_INSUFFICIENT_VOTES</c>: bundle ACKs ≤ inclusion threshold (§4.7.1).</summary>
    M6InsufficientVotes,
    /// <summary><c>M8_NOT_ACCEPTED</c>: M8 without a matching M7 in the block (§6).</summary>
    M8NotAccepted,
    /// <summary><c>M8_PREV_BLOCK_MISMATCH</c>: M8's P ≠ the block's parent (mempool: the tip) (§6, §7).</summary>
    M8PrevBlockMismatch,
    /// <summary><c>M8_DUPLICATE_SLOT</c>: second M8 for one slot in a block (§6).</summary>
    M8DuplicateSlot,
}
