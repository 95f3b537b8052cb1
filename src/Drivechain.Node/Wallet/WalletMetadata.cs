namespace Drivechain.Node.Wallet;

/// <summary>
/// <c>wallets/&lt;name&gt;/wallet.json</c>: what a wallet needs to follow the chain while locked (the account xpub, never a
/// secret), its address counters and the height it starts scanning from. The seed lives beside it in <c>seed.json</c>.
/// </summary>
public sealed record WalletMetadata(int Version, string Network, string AccountXpub, string MasterFingerprint, string AccountPath,
    uint NextReceive, uint NextChange, int BirthHeight, bool Encrypted, long CreatedTime);
