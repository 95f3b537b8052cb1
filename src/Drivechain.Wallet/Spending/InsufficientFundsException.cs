namespace Drivechain.Wallet.Spending;

/// <summary>The wallet's spendable coins cannot pay the outputs and fee (Core's RPC_WALLET_INSUFFICIENT_FUNDS, -6).</summary>
public sealed class InsufficientFundsException(string message) : Exception(message)
{
    /// <summary>Core's error code.</summary>
    public const int RpcCode = -6;
}
