using System.Text;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;
using Drivechain.Wallet.Spending;

namespace Drivechain.Node.Wallet;

/// <summary>
/// The wallet's drivechain transactions, shared by RPC and gRPC: M5 deposits and M8 BMM requests exactly as
/// ../shared/spec/sidechain-api.md §4 lays them out. Bad input is a <see cref="WalletException"/> (Core's -8).
/// </summary>
public static class DrivechainSpends
{
    private const int InvalidParameter = -8;

    /// <summary>
    /// An M5: the slot's CTIP (when it has one) as the first input; output 0 the treasury output (old CTIP value +
    /// <paramref name="amount"/>), output 1 <c>OP_RETURN &lt;UTF-8 bytes of address&gt;</c>, change after.
    /// </summary>
    public static Func<Script, uint, SpendRequest> Deposit(DrivechainState state, byte slot, string address, long amount, FeeMode fee)
    {
        if (!state.IsActive(slot)) throw new WalletException(InvalidParameter, $"slot {slot} has no active sidechain");
        if (amount <= 0) throw new WalletException(InvalidParameter, "the deposit amount must be positive");
        var ctip = state.GetCtip(slot);
        var treasury = TreasuryScript.Create(slot);
        var old = ctip?.Value.Satoshis ?? 0;
        TxOut[] outputs = [new(new Money(old + amount), treasury), new(Money.Zero, DepositAddress.Create(Encoding.UTF8.GetBytes(address)))];
        ForeignInput[] ctipInput = ctip is { } c ? [new ForeignInput(c.OutPoint, new TxOut(c.Value, treasury))] : [];
        return (change, lockTime) => new SpendRequest(outputs, fee, change) { ForeignInputs = ctipInput, LockTime = lockTime };
    }

    /// <summary>An M8: output 0 = <c>6a 44 00bf00 slot h* prev</c> with value 0, the bid as the exact fee, change after.</summary>
    public static Func<Script, uint, SpendRequest> BmmRequest(byte slot, ReadOnlySpan<byte> hStar, UInt256? prev, UInt256 tip, long bid)
    {
        if (hStar.Length != 32) throw new WalletException(InvalidParameter, "h* (critical hash) must be 32 bytes");
        if (prev is { } p && p != tip)
            throw new WalletException(InvalidParameter, $"prev {p} is not the current tip {tip}: a BMM request is valid only in the next block");
        if (bid < 0) throw new WalletException(InvalidParameter, "the bid must not be negative");
        var m8 = new M8BmmRequest(slot, new UInt256(hStar), tip).ToScript();
        return (change, lockTime) => new SpendRequest([new TxOut(Money.Zero, m8)], new FeeMode.Absolute(bid), change) { LockTime = lockTime };
    }
}
