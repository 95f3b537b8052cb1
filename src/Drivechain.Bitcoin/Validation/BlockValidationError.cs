namespace Drivechain.Bitcoin.Validation;

/// <summary>
/// Why a block failed validation: Bitcoin Core's reject reason (the stable string, e.g. "bad-txns-in-belowout"),
/// Core's debug message (free text) and the kind of failure.
/// </summary>
/// <param name="RejectReason">Core's reject reason, byte for byte.</param>
/// <param name="Detail">Human detail (Core's debug message); not stable.</param>
/// <param name="Result">The kind of failure.</param>
public sealed record BlockValidationError(string RejectReason, string Detail, BlockValidationResult Result = BlockValidationResult.Consensus)
{
    /// <summary>
    /// True when the failure may come from a mutated copy of a valid block (Core's BLOCK_MUTATED): the hash must not
    /// be marked invalid, the block may be fetched again.
    /// </summary>
    public bool IsMutated => Result == BlockValidationResult.Mutated;

    /// <summary>
    /// True when the block hash can be remembered as invalid for good (neither mutated nor merely too far in the
    /// future), as Core sets BLOCK_FAILED_VALID.
    /// </summary>
    public bool IsPermanent => Result is BlockValidationResult.Consensus or BlockValidationResult.InvalidHeader;

    /// <summary>Core's BlockValidationState::ToString form: "reason, detail" (or just the reason).</summary>
    public override string ToString() => Detail.Length == 0 ? RejectReason : $"{RejectReason}, {Detail}";

    internal static BlockValidationError Consensus(string reason, string detail = "") => new(reason, detail, BlockValidationResult.Consensus);

    internal static BlockValidationError Header(string reason, string detail) => new(reason, detail, BlockValidationResult.InvalidHeader);

    internal static BlockValidationError Mutated(string reason, string detail) => new(reason, detail, BlockValidationResult.Mutated);
}
