namespace Drivechain.Consensus.NBitcoin;

/// <summary>
/// The drivechain verdict on one block: accepted with the new state and the undo to store (to disconnect it later),
/// or rejected with the spec's code (e.g. "M8_NOT_ACCEPTED") and a detail.
/// </summary>
public sealed record DrivechainVerdict(bool Accepted, DrivechainSnapshot State, byte[]? Undo, string? RejectCode, string? Detail);
