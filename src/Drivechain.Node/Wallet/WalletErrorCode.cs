namespace Drivechain.Node.Wallet;

/// <summary>Bitcoin Core's wallet RPC error codes (src/rpc/protocol.h).</summary>
public static class WalletErrorCode
{
    public const int WalletError = -4;
    public const int InsufficientFunds = -6;
    public const int UnlockNeeded = -13;
    public const int PassphraseIncorrect = -14;
    public const int WrongEncState = -15;
    public const int NotFound = -18;
    public const int NotSpecified = -19;
    public const int AlreadyLoaded = -35;
    public const int AlreadyExists = -36;
}
