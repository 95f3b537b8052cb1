using System.Collections.Immutable;

namespace Drivechain.Consensus;

/// <summary>The wire strings of <see cref="RejectCode"/> (spec §8).</summary>
public static class RejectCodes
{
    /// <summary>Every code, in declaration order.</summary>
    public static ImmutableArray<RejectCode> All { get; } = [.. Enum.GetValues<RejectCode>()];

    /// <summary>The spec's string, e.g. <c>"M4_UNKNOWN_BUNDLE"</c>.</summary>
    public static string ToWireString(this RejectCode code) => code switch
    {
        RejectCode.Base => "BASE",
        RejectCode.M1Duplicate => "M1_DUPLICATE",
        RejectCode.M2DuplicateSlot => "M2_DUPLICATE_SLOT",
        RejectCode.M4Duplicate => "M4_DUPLICATE",
        RejectCode.M7DuplicateSlot => "M7_DUPLICATE_SLOT",
        RejectCode.M3InactiveSidechain => "M3_INACTIVE_SIDECHAIN",
        RejectCode.M3BundleAlreadyPending => "M3_BUNDLE_ALREADY_PENDING",
        RejectCode.M4TwoBytesWithinByteRange => "M4_TWO_BYTES_WITHIN_BYTE_RANGE",
        RejectCode.M4VoteCountMismatch => "M4_VOTE_COUNT_MISMATCH",
        RejectCode.M4UnknownBundle => "M4_UNKNOWN_BUNDLE",
        RejectCode.TreasuryMultipleOutputs => "TREASURY_MULTIPLE_OUTPUTS",
        RejectCode.TreasurySpentWithoutSuccessor => "TREASURY_SPENT_WITHOUT_SUCCESSOR",
        RejectCode.TreasuryCtipNotSpent => "TREASURY_CTIP_NOT_SPENT",
        RejectCode.TreasuryZeroDiff => "TREASURY_ZERO_DIFF",
        RejectCode.M5MissingAddress => "M5_MISSING_ADDRESS",
        RejectCode.M5M6Ambiguous => "M5_M6_AMBIGUOUS",
        RejectCode.M6InputCount => "M6_INPUT_COUNT",
        RejectCode.M6TreasuryNotFirst => "M6_TREASURY_NOT_FIRST",
        RejectCode.M6MultipleWithdrawals => "M6_MULTIPLE_WITHDRAWALS",
        RejectCode.M6InsufficientTreasury => "M6_INSUFFICIENT_TREASURY",
        RejectCode.M6UnknownBundle => "M6_UNKNOWN_BUNDLE",
        RejectCode.M6InsufficientVotes => "M6_INSUFFICIENT_VOTES",
        RejectCode.M8NotAccepted => "M8_NOT_ACCEPTED",
        RejectCode.M8PrevBlockMismatch => "M8_PREV_BLOCK_MISMATCH",
        RejectCode.M8DuplicateSlot => "M8_DUPLICATE_SLOT",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a reject code"),
    };

    /// <summary>The code for a wire string; false for unknown strings.</summary>
    public static bool TryParse(string? wire, out RejectCode code)
    {
        foreach (var candidate in All)
            if (candidate.ToWireString() == wire)
            {
                code = candidate;
                return true;
            }
        code = default;
        return false;
    }
}
