using System.Text;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Node.Rpc.Json;
using Drivechain.Node.Wallet;
using Drivechain.Wallet.Spending;

namespace Drivechain.Node.Rpc.Methods;

public sealed partial class WalletRpcMethods
{
    private IEnumerable<RpcMethod> DrivechainMethods()
    {
        yield return new RpcMethod("createsidechaindeposit", "Drivechain",
            [RpcArg.Req("slot", RpcArgType.Number, "The sidechain slot (0-255), which must be active"),
             RpcArg.Req("address", RpcArgType.String, "The sidechain deposit address (its UTF-8 bytes are pushed after OP_RETURN)"),
             RpcArg.Req("amount", RpcArgType.Amount, "The amount in BTC to deposit"),
             RpcArg.Opt("fee", RpcArgType.Amount, "The exact fee in BTC; default: 2 sat/vB of the estimated size")],
            "Deposits to a sidechain (M5, spec §4): spends the slot's CTIP and wallet coins; output 0 = the new treasury output " +
            "(old CTIP value + amount), output 1 = OP_RETURN <address>, change after. Broadcast to the mempool.",
            "\"hex\"    (string) The transaction id", (call, ct) => WithWallet(call, ct, CreateDeposit));
        yield return new RpcMethod("createbmmrequest", "Drivechain",
            [RpcArg.Req("slot", RpcArgType.Number, "The sidechain slot (0-255)"),
             RpcArg.Req("h*", RpcArgType.Hex, "The sidechain block commitment h* (32 bytes, raw hex as in M7)"),
             RpcArg.Req("bid", RpcArgType.Amount, "The bid in BTC, paid as the transaction fee"),
             RpcArg.Opt("prev", RpcArgType.Hex, "The mainchain block the request builds on; must be the current tip", "the tip")],
            "Creates and broadcasts a BMM request (M8, BIP301): output 0 = OP_RETURN 00bf00 <slot> <h*> <prev>, the bid as the fee, change after.",
            "\"hex\"    (string) The transaction id", (call, ct) => WithWallet(call, ct, CreateBmmRequest));
    }

    private JsonNode CreateDeposit(RpcCall call, NodeWallet wallet)
    {
        var slot = SlotOf(call);
        var state = ctx.Chain.TipDrivechainState;
        if (!state.IsActive(slot)) throw new RpcException(RpcErrorCode.InvalidParameter, $"slot {slot} has no active sidechain");
        var amount = RpcAmount.FromJson(call.Params["amount"], allowZero: false);
        var address = call.Params.GetString("address");
        FeeMode fee = call.Params["fee"] is { } feeNode ? new FeeMode.Absolute(RpcAmount.FromJson(feeNode)) : new FeeMode.Rate(DefaultFeeRatePerKvB);
        var (tx, _) = wallets.Send(wallet, (change, lockTime) => DepositRequest(slot, state.GetCtip(slot), address, amount, fee, change, lockTime));
        return JsonValue.Create(tx.TxId.ToString());
    }

    /// <summary>
    /// The M5 of spec §4: the CTIP (when the slot has one) as the first input; output 0 the treasury output with the old
    /// CTIP value plus <paramref name="amount"/>, output 1 <c>OP_RETURN &lt;address bytes&gt;</c>, change after.
    /// </summary>
    internal static SpendRequest DepositRequest(byte slot, Drivechain.Consensus.State.Ctip? ctip, string address, long amount, FeeMode fee,
        Drivechain.Bitcoin.Scripting.Script change, uint lockTime)
    {
        var treasury = TreasuryScript.Create(slot);
        var old = ctip?.Value.Satoshis ?? 0;
        return new SpendRequest(
            [new TxOut(new Money(old + amount), treasury), new TxOut(Money.Zero, DepositAddress.Create(Encoding.UTF8.GetBytes(address)))], fee, change)
        {
            ForeignInputs = ctip is { } c ? [new ForeignInput(c.OutPoint, new TxOut(c.Value, treasury))] : [],
            LockTime = lockTime,
        };
    }

    private JsonNode CreateBmmRequest(RpcCall call, NodeWallet wallet)
    {
        var slot = SlotOf(call);
        var hStar = RpcHex.ParseHex(call.Params.GetString("h*"), "h*");
        if (hStar.Length != 32) throw new RpcException(RpcErrorCode.InvalidParameter, "h* must be 32 bytes (64 hex digits)");
        var tip = ctx.Chain.Tip.Hash;
        if (call.Params.GetOptionalString("prev") is { } prevText && RpcHex.ParseHash(prevText, "prev") != tip)
            throw new RpcException(RpcErrorCode.InvalidParameter, $"prev {prevText} is not the current tip {tip}: a BMM request is valid only in the next block");
        var bid = RpcAmount.FromJson(call.Params["bid"]);
        var m8 = new M8BmmRequest(slot, new UInt256(hStar), tip).ToScript();
        var (tx, _) = wallets.Send(wallet, (change, lockTime) =>
            new SpendRequest([new TxOut(Money.Zero, m8)], new FeeMode.Absolute(bid), change) { LockTime = lockTime });
        return JsonValue.Create(tx.TxId.ToString());
    }

    private static byte SlotOf(RpcCall call) =>
        call.Params.GetInt64("slot") is var value && value is >= 0 and <= 255 ? (byte)value
            : throw new RpcException(RpcErrorCode.InvalidParameter, "slot must be between 0 and 255");
}
