using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;

namespace Drivechain.Node.Tests.P2P;

/// <summary>Transactions made and signed by Core's wallet "w" without Core broadcasting them, and mempool look-ups.</summary>
internal static class CoreWallet
{
    /// <summary>A signed payment of <paramref name="amount"/> to <paramref name="to"/> (its inputs locked in Core's wallet); Core does not broadcast it.</summary>
    public static async Task<(string Hex, string TxId)> SignedButUnsentAsync(BitcoindProcess core, string to, decimal amount)
    {
        var raw = (await core.WalletCallAsync("w", "createrawtransaction", Array.Empty<object>(), new Dictionary<string, decimal> { [to] = amount })).GetString();
        var funded = (await core.WalletCallAsync("w", "fundrawtransaction", raw, new Dictionary<string, object> { ["lockUnspents"] = true }))
            .GetProperty("hex").GetString();
        return await SignAsync(core, funded!, null);
    }

    /// <summary>Signs <paramref name="rawHex"/> with Core's wallet (with <paramref name="prevTxs"/> for inputs Core does not know).</summary>
    public static async Task<(string Hex, string TxId)> SignAsync(BitcoindProcess core, string rawHex, object? prevTxs)
    {
        var signed = prevTxs is null
            ? await core.WalletCallAsync("w", "signrawtransactionwithwallet", rawHex)
            : await core.WalletCallAsync("w", "signrawtransactionwithwallet", rawHex, prevTxs);
        signed.GetProperty("complete").GetBoolean().Should().BeTrue(signed.ToString());
        var hex = signed.GetProperty("hex").GetString()!;
        var txid = (await core.CallAsync("decoderawtransaction", hex)).GetProperty("txid").GetString()!;
        return (hex, txid);
    }

    /// <summary>The output of <paramref name="hex"/> paying <paramref name="address"/>: index, script and amount.</summary>
    public static async Task<(int Vout, string Script, decimal Amount)> OutputToAsync(BitcoindProcess core, string hex, string address)
    {
        foreach (var vout in (await core.CallAsync("decoderawtransaction", hex)).GetProperty("vout").EnumerateArray())
        {
            var script = vout.GetProperty("scriptPubKey");
            if (script.TryGetProperty("address", out var a) && a.GetString() == address)
                return (vout.GetProperty("n").GetInt32(), script.GetProperty("hex").GetString()!, vout.GetProperty("value").GetDecimal());
        }
        throw new InvalidOperationException($"no output to {address}");
    }

    public static async Task<List<string>> CoreMempoolAsync(BitcoindProcess core) =>
        [.. (await core.CallAsync("getrawmempool")).EnumerateArray().Select(e => e.GetString()!)];

    public static async Task<List<string>> NodeMempoolAsync(NodeProcess node) =>
        [.. (await node.Rpc.CallAsync("getrawmempool"))!.AsArray().Select(e => e!.GetValue<string>())];
}
