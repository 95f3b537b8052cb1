namespace Drivechain.Wallet.Ledger;

/// <summary>Where a wallet script comes from: the receive (Change = false) or change branch, and the index on it.</summary>
public readonly record struct KeyOrigin(bool Change, uint Index);
