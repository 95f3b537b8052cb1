using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
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
            "\"hex\"    (string) The transaction id", (call, ct) => WithWallet(call, CreateDeposit, ct));
        yield return new RpcMethod("createbmmrequest", "Drivechain",
            [RpcArg.Req("slot", RpcArgType.Number, "The sidechain slot (0-255)"),
             RpcArg.Req("h*", RpcArgType.Hex, "The sidechain block commitment h* (32 bytes, raw hex as in M7)"),
             RpcArg.Req("bid", RpcArgType.Amount, "The bid in BTC, paid as the transaction fee"),
             RpcArg.Opt("prev", RpcArgType.Hex, "The mainchain block the request builds on; must be the current tip", "the tip")],
            "Creates and broadcasts a BMM request (M8, BIP301): output 0 = OP_RETURN 00bf00 <slot> <h*> <prev>, the bid as the fee, change after.",
            "\"hex\"    (string) The transaction id", (call, ct) => WithWallet(call, CreateBmmRequest, ct));
    }

    private JsonNode CreateDeposit(RpcCall call, NodeWallet wallet)
    {
        FeeMode fee = call.Params["fee"] is { } feeNode ? new FeeMode.Absolute(RpcAmount.FromJson(feeNode)) : defaultFee.Default();   // fee estimation hook
        var request = DrivechainSpends.Deposit(ctx.Chain.TipDrivechainState, SlotOf(call), call.Params.GetString("address"),
            RpcAmount.FromJson(call.Params["amount"], allowZero: false), fee);
        return JsonValue.Create(wallets.Send(wallet, request).Tx.TxId.ToString());
    }

    private JsonNode CreateBmmRequest(RpcCall call, NodeWallet wallet)
    {
        UInt256? prev = call.Params.GetOptionalString("prev") is { } prevText ? RpcHex.ParseHash(prevText, "prev") : null;
        var request = DrivechainSpends.BmmRequest(SlotOf(call), RpcHex.ParseHex(call.Params.GetString("h*"), "h*"), prev, ctx.Chain.Tip.Hash,
            RpcAmount.FromJson(call.Params["bid"]));
        return JsonValue.Create(wallets.Send(wallet, request).Tx.TxId.ToString());
    }

    private static byte SlotOf(RpcCall call) =>
        call.Params.GetInt64("slot") is var value && value is >= 0 and <= 255 ? (byte)value
            : throw new RpcException(RpcErrorCode.InvalidParameter, "slot must be between 0 and 255");
}
