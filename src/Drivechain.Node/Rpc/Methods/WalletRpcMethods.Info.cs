using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Node.Rpc.Json;
using Drivechain.Node.Wallet;
using Drivechain.Wallet.Ledger;

namespace Drivechain.Node.Rpc.Methods;

public sealed partial class WalletRpcMethods
{
    private static readonly RpcArg AddressTypeArg = RpcArg.Opt("address_type", RpcArgType.String, "The address type: only \"bech32\" (BIP84 wpkh)", "bech32");

    private IEnumerable<RpcMethod> InfoMethods()
    {
        yield return new RpcMethod("getwalletinfo", Category, [], "Returns an object containing various wallet state info.",
            "{ \"walletname\", \"walletversion\", \"format\", \"txcount\", \"keypoolsize\", \"keypoolsize_hd_internal\", \"unlocked_until\", \"paytxfee\", \"private_keys_enabled\", \"avoid_reuse\", \"scanning\", \"descriptors\", \"external_signer\", \"blank\", \"birthtime\", \"lastprocessedblock\" }",
            (call, ct) => WithWallet(call, (_, w) => WalletInfo(w), ct));
        yield return new RpcMethod("getnewaddress", Category,
            [RpcArg.Opt("label", RpcArgType.String, "Not supported: must be empty", "\"\""), AddressTypeArg],
            "Returns a new Bitcoin address for receiving payments (the next BIP84 receive address).", "\"str\"",
            (call, ct) => WithWallet(call, (c, w) => NewAddress(c, w, change: false), ct));
        yield return new RpcMethod("getrawchangeaddress", Category, [AddressTypeArg],
            "Returns a new Bitcoin address, for receiving change (the next BIP84 change address).", "\"str\"",
            (call, ct) => WithWallet(call, (c, w) => NewAddress(c, w, change: true), ct));
        yield return new RpcMethod("getbalance", Category,
            [RpcArg.Opt("dummy", RpcArgType.String, "Remains for backward compatibility. Must be excluded or set to \"*\""),
             RpcArg.Opt("minconf", RpcArgType.Number, "Only include transactions confirmed at least this many times", "0"),
             RpcArg.Opt("include_watchonly", RpcArgType.Boolean, "No watch-only addresses in this wallet", "true"),
             RpcArg.Opt("avoid_reuse", RpcArgType.Boolean, "Not supported", "true")],
            "Returns the total available balance (trusted coins: confirmed, or unconfirmed from this wallet).", "n",
            (call, ct) => WithWallet(call, GetBalance, ct));
        yield return new RpcMethod("getbalances", Category, [],
            "Returns an object with all balances in BTC.", "{ \"mine\": { \"trusted\", \"untrusted_pending\", \"immature\" }, \"lastprocessedblock\" }",
            (call, ct) => WithWallet(call, (_, w) => Balances(w), ct));
        yield return new RpcMethod("listunspent", Category,
            [RpcArg.Opt("minconf", RpcArgType.Number, "The minimum confirmations to filter", "1"),
             RpcArg.Opt("maxconf", RpcArgType.Number, "The maximum confirmations to filter", "9999999"),
             RpcArg.Opt("addresses", RpcArgType.Array, "The bitcoin addresses to filter"),
             RpcArg.Opt("include_unsafe", RpcArgType.Boolean, "Include outputs that are not safe to spend (unconfirmed from outside keys)", "true"),
             RpcArg.Opt("query_options", RpcArgType.Object, "minimumAmount, maximumAmount, maximumCount, minimumSumAmount")],
            "Returns array of unspent transaction outputs with between minconf and maxconf (inclusive) confirmations.",
            "[{ \"txid\", \"vout\", \"address\", \"scriptPubKey\", \"amount\", \"confirmations\", \"spendable\", \"solvable\", \"desc\", \"parent_descs\", \"safe\" }, ...]",
            (call, ct) => WithWallet(call, ListUnspent, ct));
        yield return new RpcMethod("getaddressinfo", Category, [RpcArg.Req("address", RpcArgType.String, "The bitcoin address for which to get information")],
            "Return information about the given bitcoin address.", "{ \"address\", \"scriptPubKey\", \"ismine\", \"solvable\", \"desc\", \"parent_desc\", \"iswatchonly\", \"isscript\", \"iswitness\", \"witness_version\", \"witness_program\", \"pubkey\", \"iscompressed\", \"ischange\", \"timestamp\", \"hdkeypath\", \"hdmasterfingerprint\", \"labels\" }",
            (call, ct) => WithWallet(call, AddressInfo, ct));
        yield return new RpcMethod("listdescriptors", Category, [RpcArg.Opt("private", RpcArgType.Boolean, "Show private descriptors (needs an unlocked wallet)", "false")],
            "List descriptors imported into a descriptor-enabled wallet.", "{ \"wallet_name\", \"descriptors\": [{ \"desc\", \"timestamp\", \"active\", \"internal\", \"range\", \"next\", \"next_index\" }, ...] }",
            (call, ct) => WithWallet(call, ListDescriptors, ct));
    }

    private JsonObject WalletInfo(NodeWallet wallet)
    {
        var info = new JsonObject
        {
            ["walletname"] = wallet.Name,
            ["walletversion"] = 169900,
            ["format"] = "json",
            ["txcount"] = wallet.Ledger.TransactionCount,
            ["keypoolsize"] = NodeWallet.Keypool,
            ["keypoolsize_hd_internal"] = NodeWallet.Keypool,
        };
        if (wallet.IsEncrypted) info["unlocked_until"] = wallet.UnlockedUntil;
        info["paytxfee"] = Amount(0);
        info["private_keys_enabled"] = true;
        info["avoid_reuse"] = false;
        info["scanning"] = false;
        info["descriptors"] = true;
        info["external_signer"] = false;
        info["blank"] = false;
        info["birthtime"] = wallet.Metadata.CreatedTime;
        info["lastprocessedblock"] = LastProcessed(wallet);
        return info;
    }

    private static JsonObject LastProcessed(NodeWallet wallet) =>
        new() { ["hash"] = wallet.Ledger.TipHash.ToString(), ["height"] = wallet.Ledger.TipHeight };

    private static string NewAddress(RpcCall call, NodeWallet wallet, bool change)
    {
        if (call.Params.GetOptionalString("address_type") is { } type && type != "bech32")
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, $"Unknown address type '{type}'");
        if (!change && !string.IsNullOrEmpty(call.Params.GetOptionalString("label")))
            throw new RpcException(RpcErrorCode.InvalidParameter, "labels are not supported by this wallet");
        return wallet.GetNewAddress(change);
    }

    private JsonNode GetBalance(RpcCall call, NodeWallet wallet)
    {
        if (call.Params.GetOptionalString("dummy") is { } dummy && dummy != "*")
            throw new RpcException(RpcErrorCode.MethodDeprecated, "dummy first argument must be excluded or set to \"*\".");
        var minConf = call.Params.GetOptionalInt32("minconf", 0);
        var coins = wallet.Ledger.Unspent(wallets.InMempool);
        return Amount(coins.Where(c => WalletManager.IsSpendable(wallet, c) && c.Confirmations >= minConf).Sum(c => c.Satoshis));
    }

    private JsonObject Balances(NodeWallet wallet)
    {
        var coins = wallet.Ledger.Unspent(wallets.InMempool);
        var immature = coins.Where(c => wallet.Ledger.IsImmature(c.Tx)).Sum(c => c.Satoshis);
        var trusted = coins.Where(c => WalletManager.IsSpendable(wallet, c)).Sum(c => c.Satoshis);
        var pending = coins.Where(c => c.Confirmations == 0 && !c.Tx.FromMe).Sum(c => c.Satoshis);
        return new JsonObject
        {
            ["mine"] = new JsonObject { ["trusted"] = Amount(trusted), ["untrusted_pending"] = Amount(pending), ["immature"] = Amount(immature) },
            ["lastprocessedblock"] = LastProcessed(wallet),
        };
    }

    private JsonNode ListUnspent(RpcCall call, NodeWallet wallet)
    {
        var minConf = call.Params.GetOptionalInt32("minconf", 1);
        var maxConf = call.Params.GetOptionalInt32("maxconf", 9_999_999);
        var includeUnsafe = call.Params.GetBoolean("include_unsafe", true);
        HashSet<Script>? filter = null;
        if (call.Params["addresses"] is JsonArray addresses)
            filter = [.. addresses.Select(a => ParseAddress(a?.GetValue<string>() ?? "").ScriptPubKey)];
        var result = new JsonArray();
        foreach (var coin in wallet.Ledger.Unspent(wallets.InMempool).OrderByDescending(c => c.Confirmations).ThenBy(c => c.OutPoint.TxId).ThenBy(c => c.OutPoint.Index))
        {
            var safe = coin.Confirmations > 0 || coin.Tx.FromMe;
            if (coin.Confirmations < minConf || coin.Confirmations > maxConf || (!safe && !includeUnsafe)) continue;
            if (wallet.Ledger.IsImmature(coin.Tx)) continue;
            if (filter is not null && !filter.Contains(coin.Output.ScriptPubKey)) continue;
            result.Add((JsonNode)new JsonObject
            {
                ["txid"] = coin.OutPoint.TxId.ToString(),
                ["vout"] = coin.OutPoint.Index,
                ["address"] = AddressText(coin.Output.ScriptPubKey),
                ["scriptPubKey"] = coin.Output.ScriptPubKey.ToHex(),
                ["amount"] = Amount(coin.Satoshis),
                ["confirmations"] = coin.Confirmations,
                ["spendable"] = true,
                ["solvable"] = true,
                ["desc"] = KeyDescriptor(wallet, coin.Origin),
                ["parent_descs"] = new JsonArray(JsonValue.Create(DescriptorChecksum.AddChecksum(wallet.Account.GetDescriptor(coin.Origin.Change)))),
                ["safe"] = safe,
            });
        }
        return result;
    }

    private JsonNode AddressInfo(RpcCall call, NodeWallet wallet)
    {
        var address = ParseAddress(call.Params.GetString("address"));
        var info = new JsonObject { ["address"] = address.Text, ["scriptPubKey"] = address.ScriptPubKey.ToHex() };
        var mine = wallet.Ledger.TryGetOrigin(address.ScriptPubKey, out var origin);
        info["ismine"] = mine;
        info["solvable"] = mine;
        if (mine)
        {
            info["desc"] = KeyDescriptor(wallet, origin);
            info["parent_desc"] = DescriptorChecksum.AddChecksum(wallet.Account.GetDescriptor(origin.Change));
        }
        info["iswatchonly"] = false;
        info["isscript"] = address.Kind is AddressKind.PayToScriptHash || (address.ScriptPubKey.IsWitnessProgram(out _, out var program) && program.Length == 32);
        info["iswitness"] = address.ScriptPubKey.IsWitnessProgram(out var version, out var witnessProgram);
        if (info["iswitness"]!.GetValue<bool>())
        {
            info["witness_version"] = version;
            info["witness_program"] = Convert.ToHexStringLower(witnessProgram.Span);
        }
        if (mine)
        {
            info["pubkey"] = wallet.Account.GetPubKey(origin.Change, origin.Index).ToHex();
            info["iscompressed"] = true;
            info["ischange"] = origin.Change;
            info["timestamp"] = wallet.Metadata.CreatedTime;
            info["hdkeypath"] = wallet.Account.GetKeyPath(origin.Change, origin.Index);
            info["hdmasterfingerprint"] = wallet.Account.MasterFingerprint;
        }
        info["labels"] = new JsonArray();
        return info;
    }

    private JsonNode ListDescriptors(RpcCall call, NodeWallet wallet)
    {
        var isPrivate = call.Params.GetBoolean("private", false);
        var xprv = isPrivate ? wallet.RequireKeys().AccountXprv : null;
        var list = new JsonArray();
        foreach (var change in new[] { false, true })
        {
            var body = wallet.Account.GetDescriptor(change);
            if (xprv is not null) body = body.Replace(wallet.Account.AccountXpub, xprv, StringComparison.Ordinal);
            var next = change ? wallet.Metadata.NextChange : wallet.Metadata.NextReceive;
            list.Add((JsonNode)new JsonObject
            {
                ["desc"] = DescriptorChecksum.AddChecksum(body),
                ["timestamp"] = wallet.Metadata.CreatedTime,
                ["active"] = true,
                ["internal"] = change,
                ["range"] = new JsonArray(0, (int)next + NodeWallet.Keypool - 1),
                ["next"] = next,
                ["next_index"] = next,
            });
        }
        return new JsonObject { ["wallet_name"] = wallet.Name, ["descriptors"] = list };
    }

    private static string KeyDescriptor(NodeWallet wallet, KeyOrigin origin) =>
        DescriptorChecksum.AddChecksum(
            $"wpkh([{wallet.Account.MasterFingerprint}/{wallet.Account.AccountPath}/{(origin.Change ? 1 : 0)}/{origin.Index}]{wallet.Account.GetPubKey(origin.Change, origin.Index).ToHex()})");

    private Address ParseAddress(string text) =>
        Address.TryParse(text, ctx.Node.Network, out var address) ? address
            : throw new RpcException(RpcErrorCode.InvalidAddressOrKey, $"Invalid Bitcoin address: {text}");

    private string? AddressText(Script script) => Address.TryFromScript(script, ctx.Node.Network, out var address) ? address.Text : null;
}
