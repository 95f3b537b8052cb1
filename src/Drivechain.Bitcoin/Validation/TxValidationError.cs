namespace Drivechain.Bitcoin.Validation;

/// <summary>Why a transaction failed a check: Core's reject reason (stable) and debug message (free text).</summary>
/// <param name="RejectReason">Core's reject reason, e.g. "bad-txns-premature-spend-of-coinbase".</param>
/// <param name="Detail">Human detail; not stable.</param>
public sealed record TxValidationError(string RejectReason, string Detail)
{
    /// <summary>"reason, detail" (or just the reason).</summary>
    public override string ToString() => Detail.Length == 0 ? RejectReason : $"{RejectReason}, {Detail}";
}
