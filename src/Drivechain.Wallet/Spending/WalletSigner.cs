using Drivechain.Consensus.NBitcoin;
using NBitcoin;
using OurTransaction = Drivechain.Bitcoin.Primitives.Transaction;
using OurTxOut = Drivechain.Bitcoin.Primitives.TxOut;

namespace Drivechain.Wallet.Spending;

/// <summary>
/// Signs with NBitcoin: our transaction crosses the one adapter (<see cref="NBitcoinConversions"/>, bytes in and out),
/// NBitcoin's TransactionBuilder signs every input whose key it has (SIGHASH_ALL), our type comes back. Inputs it has no
/// key for (a treasury CTIP, someone else's coin) are left as they are.
/// </summary>
public static class WalletSigner
{
    /// <summary>Signs <paramref name="unsigned"/>; <paramref name="spent"/> are the outputs its inputs spend, in order.</summary>
    public static OurTransaction Sign(OurTransaction unsigned, IReadOnlyList<OurTxOut?> spent, IEnumerable<Key> keys, Network network)
    {
        var tx = NBitcoinConversions.ToNBitcoin(unsigned, network);
        var builder = network.CreateTransactionBuilder();
        builder.AddKeys([.. keys]);
        builder.AddCoins(Coins(tx, spent));
        builder.SignTransactionInPlace(tx);
        return NBitcoinConversions.ToDrivechain(tx);
    }

    /// <summary>NBitcoin coins for the inputs whose spent output is known.</summary>
    public static ICoin[] Coins(Transaction tx, IReadOnlyList<OurTxOut?> spent)
    {
        var coins = new List<ICoin>();
        for (var i = 0; i < tx.Inputs.Count && i < spent.Count; i++)
            if (spent[i] is { } output) coins.Add(new Coin(tx.Inputs[i].PrevOut, ToNBitcoin(output)));
        return [.. coins];
    }

    /// <summary>An NBitcoin output from ours (value and script bytes).</summary>
    public static TxOut ToNBitcoin(OurTxOut output) =>
        new(Money.Satoshis(output.Value.Satoshis), Script.FromBytesUnsafe(output.ScriptPubKey.ToArray()));
}
