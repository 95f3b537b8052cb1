namespace Drivechain.Wallet;

/// <summary>A wrong wallet passphrase (Core's RPC_WALLET_PASSPHRASE_INCORRECT, -14).</summary>
public sealed class WalletPassphraseException(string message) : Exception(message)
{
    /// <summary>Core's error code for an incorrect passphrase.</summary>
    public const int RpcCode = -14;
}
