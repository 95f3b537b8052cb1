using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Mempool;

/// <summary>The outcome of offering a transaction to the mempool (or of testing it).</summary>
public sealed record MempoolAcceptResult(Transaction Transaction, MempoolRejectKind Kind, string? RejectReason, string? Detail,
    Money Fee, int VirtualSize, IReadOnlyList<UInt256> Replaced)
{
    public bool Accepted => Kind == MempoolRejectKind.None;

    /// <summary>Core's state string: "reason" or "reason, detail".</summary>
    public string Message => string.IsNullOrEmpty(Detail) ? RejectReason ?? "" : $"{RejectReason}, {Detail}";

    public static MempoolAcceptResult Reject(Transaction tx, MempoolRejectKind kind, string reason, string? detail = null) =>
        new(tx, kind, reason, detail, Money.Zero, tx.VirtualSize, []);
}
