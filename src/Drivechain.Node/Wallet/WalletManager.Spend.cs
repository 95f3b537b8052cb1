using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Wallet.Ledger;
using Drivechain.Wallet.Spending;

namespace Drivechain.Node.Wallet;

public sealed partial class WalletManager
{
    /// <summary>
    /// Coins coin selection may use: confirmed ones (coinbases once mature) and unconfirmed ones the wallet made itself
    /// that are in the mempool (Core's trusted change). Callers hold the node lock.
    /// </summary>
    public IReadOnlyList<WalletCoin> SpendableCoins(NodeWallet wallet, int minConfirmations = 0) =>
        [.. wallet.Ledger.Unspent(InMempool).Where(c => IsSpendable(wallet, c) && c.Confirmations >= minConfirmations)];

    /// <summary>Mature, and confirmed or trusted.</summary>
    public static bool IsSpendable(NodeWallet wallet, WalletCoin coin) =>
        !wallet.Ledger.IsImmature(coin.Tx) && (coin.Confirmations > 0 || coin.Tx.FromMe);

    /// <summary>
    /// Plans, signs (NBitcoin) and offers the transaction to the node's mempool; only once it is accepted does the wallet
    /// record it and hand out its change address, so a failure changes nothing. Callers hold the node lock and are inside
    /// <see cref="Locked{T}"/>.
    /// </summary>
    public (Transaction Tx, PlannedTransaction Plan) Send(NodeWallet wallet, Func<Script, uint, SpendRequest> request, int minConfirmations = 0)
    {
        wallet.RequireKeys();
        var plan = Plan(wallet, request, minConfirmations);
        var signed = WalletSigner.Sign(plan.Unsigned, plan.Spent, wallet.KeysFor(plan.WalletCoins.Select(c => c.Origin)), wallet.Network);
        var result = mempool.Accept(signed, testOnly: false);
        if (!result.Accepted)
            throw new WalletException(WalletErrorCode.WalletError, $"Transaction rejected by the mempool: {result.Message}");
        if (plan.ChangeIndex >= 0) wallet.CommitChange();
        wallet.Ledger.AddUnconfirmed(signed, clock.GetUtcNow().ToUnixTimeSeconds(), fromMe: true);
        return (signed, plan);
    }

    /// <summary>Plans without signing or broadcasting (fundrawtransaction); insufficient funds is Core's -6.</summary>
    public PlannedTransaction Plan(NodeWallet wallet, Func<Script, uint, SpendRequest> request, int minConfirmations = 0)
    {
        var lockTime = (uint)Math.Max(0, node.Chain.Height);   // anti-fee-sniping, as Core
        try
        {
            return TransactionPlanner.Plan(request(wallet.PeekChangeScript(), lockTime), SpendableCoins(wallet, minConfirmations));
        }
        catch (InsufficientFundsException e)
        {
            throw new WalletException(WalletErrorCode.InsufficientFunds, e.Message);
        }
    }
}
