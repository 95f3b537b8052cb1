namespace Drivechain.Node.Wallet;

/// <summary>A wallet request that cannot be done, with Core's RPC error code (<see cref="WalletErrorCode"/>); nothing changed.</summary>
public sealed class WalletException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
