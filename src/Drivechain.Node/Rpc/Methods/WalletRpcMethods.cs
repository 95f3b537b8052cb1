using System.Text.Json.Nodes;
using Drivechain.Node.Rpc.Json;
using Drivechain.Node.Wallet;
using Drivechain.Wallet.Spending;

namespace Drivechain.Node.Rpc.Methods;

/// <summary>
/// Core's wallet RPCs (names, arguments, result shapes, error codes) over the node's <see cref="WalletManager"/>, plus
/// the drivechain ones (createsidechaindeposit, createbmmrequest). A call reaches the wallet named by its
/// <c>/wallet/&lt;name&gt;</c> path, or the only loaded wallet. docs/wallet.md.
/// </summary>
public sealed partial class WalletRpcMethods(NodeRpcContext ctx, WalletManager wallets, Mempool.FeeEstimation.WalletFeeRate defaultFee) : IRpcMethodProvider
{
    private const string Category = "Wallet";

    /// <summary>None with <c>--disablewallet</c>: Core registers no wallet RPCs then, so they answer -32601 Method not found.</summary>
    public IEnumerable<RpcMethod> GetMethods() => !wallets.Enabled ? []
        : [.. ManagementMethods(), .. InfoMethods(), .. SendMethods(), .. PsbtMethods(), .. HistoryMethods(), .. DrivechainMethods()];

    private IEnumerable<RpcMethod> ManagementMethods()
    {
        yield return new RpcMethod("createwallet", Category,
            [RpcArg.Req("wallet_name", RpcArgType.String, "The name for the new wallet (a directory under <datadir>/wallets)"),
             RpcArg.Opt("disable_private_keys", RpcArgType.Boolean, "Not supported: must be false", "false"),
             RpcArg.Opt("blank", RpcArgType.Boolean, "Not supported: must be false", "false"),
             RpcArg.Opt("passphrase", RpcArgType.String, "Encrypt the wallet with this passphrase"),
             RpcArg.Opt("avoid_reuse", RpcArgType.Boolean, "Not supported: must be false", "false"),
             RpcArg.Opt("descriptors", RpcArgType.Boolean, "Descriptor wallet (always)", "true"),
             RpcArg.Opt("load_on_startup", RpcArgType.Boolean, "Load the wallet when the node starts (true/false), unchanged when omitted"),
             RpcArg.Opt("external_signer", RpcArgType.Boolean, "Not supported: must be false", "false")],
            "Creates and loads a new wallet: a new BIP39 seed (12 words) with BIP84 wpkh receive and change descriptors.",
            "{ \"name\" }", (call, ct) => Locked(call, CreateWallet, ct));
        yield return new RpcMethod("loadwallet", Category,
            [RpcArg.Req("filename", RpcArgType.String, "The wallet name (directory under <datadir>/wallets)"),
             RpcArg.Opt("load_on_startup", RpcArgType.Boolean, "Load the wallet when the node starts (true/false), unchanged when omitted")],
            "Loads a wallet from a wallet directory and rescans the chain from its birth height.", "{ \"name\" }",
            (call, ct) => Locked(call, c => new JsonObject { ["name"] = wallets.Load(c.Params.GetString("filename"), OptionalBool(c, "load_on_startup")).Name }, ct));
        yield return new RpcMethod("unloadwallet", Category,
            [RpcArg.Opt("wallet_name", RpcArgType.String, "The wallet to unload; default: the wallet of the request's /wallet/<name> path"),
             RpcArg.Opt("load_on_startup", RpcArgType.Boolean, "Load the wallet when the node starts (true/false), unchanged when omitted")],
            "Unloads the wallet.", "{ }", (call, ct) => Locked(call, UnloadWallet, ct));
        yield return new RpcMethod("listwallets", Category, [], "Returns a list of currently loaded wallets.", "[ \"walletname\", ... ]",
            (call, ct) => Locked(call, _ => new JsonArray([.. wallets.Loaded.Select(n => JsonValue.Create(n))]), ct));
        yield return new RpcMethod("walletpassphrase", Category,
            [RpcArg.Req("passphrase", RpcArgType.String, "The wallet passphrase"),
             RpcArg.Req("timeout", RpcArgType.Number, "The time to keep the decryption key in seconds; capped at 100000000 (~3 years)")],
            "Stores the wallet decryption key in memory for 'timeout' seconds.", "null", (call, ct) => WithWallet(call, Unlock, ct));
        yield return new RpcMethod("walletlock", Category, [], "Removes the wallet encryption key from memory, locking the wallet.", "null",
            (call, ct) => WithWallet(call, (_, w) => { w.Lock(); return null; }, ct));
        yield return new RpcMethod("encryptwallet", Category, [RpcArg.Req("passphrase", RpcArgType.String, "The pass phrase to encrypt the wallet with")],
            "Encrypts the wallet's seed with a passphrase (scrypt + AES-256-GCM) and locks it.", "\"str\"",
            (call, ct) => WithWallet(call, (c, w) =>
            {
                w.Encrypt(c.Params.GetString("passphrase"));
                return "wallet encrypted; the wallet is now locked. Unlock it with walletpassphrase to spend.";
            }, ct));
    }

    private JsonNode CreateWallet(RpcCall call)
    {
        foreach (var unsupported in new[] { "disable_private_keys", "blank", "avoid_reuse", "external_signer" })
            if (call.Params.GetBoolean(unsupported, false))
                throw new RpcException(RpcErrorCode.InvalidParameter, $"{unsupported} is not supported by this wallet");
        if (!call.Params.GetBoolean("descriptors", true))
            throw new RpcException(WalletErrorCode.WalletError, "descriptors=false (legacy wallets) is not supported");
        var wallet = wallets.Create(call.Params.GetString("wallet_name"), call.Params.GetOptionalString("passphrase") ?? "", null,
            OptionalBool(call, "load_on_startup"));
        return new JsonObject { ["name"] = wallet.Name };
    }

    private JsonNode UnloadWallet(RpcCall call)
    {
        var name = call.Params.GetOptionalString("wallet_name");
        if (name is not null && WalletEndpoint.Current is { } endpoint && endpoint != name)
            throw new RpcException(RpcErrorCode.InvalidParameter, "RPC endpoint wallet and wallet_name parameter specify different wallets");
        name ??= wallets.Resolve(WalletEndpoint.Current).Name;
        wallets.Unload(name, OptionalBool(call, "load_on_startup"));
        return new JsonObject();
    }

    private static JsonNode? Unlock(RpcCall call, NodeWallet wallet)
    {
        var timeout = call.Params.GetInt64("timeout");
        if (timeout < 0) throw new RpcException(RpcErrorCode.InvalidParameter, "Timeout cannot be negative.");
        var passphrase = call.Params.GetString("passphrase");
        if (passphrase.Length == 0) throw new RpcException(RpcErrorCode.InvalidParameter, "passphrase cannot be empty");
        wallet.Unlock(passphrase, timeout);
        return null;
    }

    private static bool? OptionalBool(RpcCall call, string name) => call.Params[name] is null ? null : call.Params.GetBoolean(name, false);

    /// <summary>Runs a wallet-manager call under the node lock and the wallets' lock, mapping wallet errors to Core's codes.</summary>
    private ValueTask<JsonNode?> Locked(RpcCall call, Func<RpcCall, JsonNode?> body, CancellationToken cancellationToken) =>
        ctx.LockedAsync(() => Guard(() => wallets.Locked(() => body(call))), cancellationToken);

    /// <summary>As <see cref="Locked"/>, for the wallet the request addresses.</summary>
    private ValueTask<JsonNode?> WithWallet(RpcCall call, Func<RpcCall, NodeWallet, JsonNode?> body, CancellationToken cancellationToken) =>
        ctx.LockedAsync(() => Guard(() => wallets.Locked(() => body(call, wallets.Resolve(WalletEndpoint.Current)))), cancellationToken);

    private static JsonNode? Guard(Func<JsonNode?> body)
    {
        try
        {
            return body();
        }
        catch (WalletException e)
        {
            throw new RpcException(e.Code, e.Message);
        }
        catch (InsufficientFundsException e)
        {
            throw new RpcException(WalletErrorCode.InsufficientFunds, e.Message);
        }
    }

    private static JsonNode Amount(long satoshis) => RpcAmount.ToJson(satoshis);
}
