using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus;

namespace Drivechain.Node.Chain.Validation;

/// <summary>
/// Why a block is invalid, typed: a Bitcoin base rule (Core's reject reason) or a drivechain rule (a spec §8 code).
/// Logic matches on the case; <see cref="Code"/> and <see cref="Reason"/> are data for RPC output, logs and storage.
/// </summary>
public abstract record BlockRejection
{
    private const string BaseCode = "BASE";

    private BlockRejection()
    {
    }

    /// <summary>"BASE" for a Bitcoin rule, else the drivechain code's wire string (e.g. "M4_UNKNOWN_BUNDLE").</summary>
    public abstract string Code { get; }

    /// <summary>Core's reject reason (e.g. "bad-txnmrklroot") for a Bitcoin rule, else the drivechain rule's detail.</summary>
    public abstract string Reason { get; }

    /// <summary>What submitblock and a getblocktemplate proposal answer: Core's reason, or the drivechain code.</summary>
    public abstract string RpcResult { get; }

    /// <summary>True when the hash may be remembered as invalid for good (not a possibly mutated copy, not merely early).</summary>
    public abstract bool IsPermanent { get; }

    /// <summary>A Bitcoin base rule failed.</summary>
    public sealed record BaseRule(BlockValidationError Error) : BlockRejection
    {
        /// <inheritdoc />
        public override string Code => BaseCode;

        /// <inheritdoc />
        public override string Reason => Error.RejectReason;

        /// <inheritdoc />
        public override string RpcResult => Error.RejectReason;

        /// <inheritdoc />
        public override bool IsPermanent => Error.IsPermanent;
    }

    /// <summary>A drivechain rule (BIP300/301, spec §8) failed.</summary>
    public sealed record DrivechainRule(Rejection Rejection) : BlockRejection
    {
        /// <inheritdoc />
        public override string Code => Rejection.CodeString;

        /// <inheritdoc />
        public override string Reason => Rejection.Detail;

        /// <inheritdoc />
        public override string RpcResult => Rejection.CodeString;

        /// <inheritdoc />
        public override bool IsPermanent => true;
    }

    /// <summary>A base-rule rejection with Core's reason and no detail ("block-decode-failed", "invalidated", …).</summary>
    public static BlockRejection Base(string reason) => new BaseRule(new BlockValidationError(reason, ""));

    /// <summary>The parent is unknown: "prev-blk-not-found".</summary>
    public static BlockRejection MissingPrevious() => new BaseRule(new BlockValidationError("prev-blk-not-found", "", BlockValidationResult.MissingPrevious));

    /// <summary>The parent (or an ancestor) is invalid: "bad-prevblk".</summary>
    public static BlockRejection InvalidPrevious() => new BaseRule(new BlockValidationError("bad-prevblk", "", BlockValidationResult.InvalidPrevious));

    /// <summary>A base-rule rejection from the Bitcoin layer's verdict.</summary>
    public static BlockRejection Base(BlockValidationError error) => new BaseRule(error);

    /// <summary>A drivechain-rule rejection.</summary>
    public static BlockRejection Drivechain(Rejection rejection) => new DrivechainRule(rejection);

    /// <summary>The verdict stored beside a block index entry (code and reason as text), read back.</summary>
    public static BlockRejection FromStored(string? code, string? reason) =>
        code is not null && RejectCodes.TryParse(code, out var drivechain)
            ? new DrivechainRule(new Rejection(drivechain, reason ?? ""))
            : Base(reason ?? "duplicate-invalid");
}
