using Drivechain.Consensus.NBitcoin;
using NBitcoin;
using OurTransaction = Drivechain.Bitcoin.Primitives.Transaction;
using OurTxOut = Drivechain.Bitcoin.Primitives.TxOut;

namespace Drivechain.Wallet.Spending;

/// <summary>
/// BIP174 PSBTs through NBitcoin: an unsigned transaction of ours (crossing the one adapter) with the outputs it spends
/// as witness UTXOs, and signing of any PSBT with wallet keys (Core's walletprocesspsbt without finalising).
/// </summary>
public static class WalletPsbt
{
    /// <summary>A base64 PSBT of <paramref name="unsigned"/>; <paramref name="spent"/> are the outputs its inputs spend.</summary>
    public static string Create(OurTransaction unsigned, IReadOnlyList<OurTxOut?> spent, Network network) =>
        CreatePsbt(unsigned, spent, network).ToBase64();

    /// <summary>As <see cref="Create"/>, the NBitcoin PSBT (to add derivations before it is serialised).</summary>
    public static PSBT CreatePsbt(OurTransaction unsigned, IReadOnlyList<OurTxOut?> spent, Network network)
    {
        var tx = NBitcoinConversions.ToNBitcoin(unsigned, network);
        var psbt = PSBT.FromTransaction(tx, network);
        psbt.AddCoins(WalletSigner.Coins(tx, spent));
        return psbt;
    }

    /// <summary>
    /// Core's bip32derivs: for every input whose spent output (witness UTXO) and every output whose script is the wallet's
    /// (<paramref name="originOf"/> answers its key origin, null for others), the public key with the master fingerprint
    /// and full path of <paramref name="account"/> (PSBT_IN_BIP32_DERIVATION / PSBT_OUT_BIP32_DERIVATION). Finalised
    /// inputs are left alone. Returns how many derivations were added.
    /// </summary>
    public static int AddDerivations(PSBT psbt, HdAccount account, Func<Drivechain.Bitcoin.Scripting.Script, Ledger.KeyOrigin?> originOf)
    {
        var added = 0;
        foreach (var input in psbt.Inputs)
        {
            if (input.IsFinalized() || input.GetTxOut() is not { } spent) continue;
            if (Origin(spent.ScriptPubKey) is not { } origin) continue;
            input.AddKeyPath(account.GetPubKey(origin.Change, origin.Index), account.GetRootedKeyPath(origin.Change, origin.Index));
            added++;
        }
        foreach (var output in psbt.Outputs)
        {
            if (Origin(output.ScriptPubKey) is not { } origin) continue;
            output.AddKeyPath(account.GetPubKey(origin.Change, origin.Index), account.GetRootedKeyPath(origin.Change, origin.Index));
            added++;
        }
        return added;

        Ledger.KeyOrigin? Origin(Script script) => originOf(new Drivechain.Bitcoin.Scripting.Script(script.ToBytes()));
    }

    /// <summary>
    /// Signs every input of the PSBT (base64) that one of <paramref name="keys"/> can sign; returns the PSBT and whether
    /// every input would now finalise. Throws <see cref="FormatException"/> for text that is not a PSBT.
    /// </summary>
    public static (string Psbt, bool Complete) Sign(string base64, IEnumerable<Key> keys, Network network)
    {
        var psbt = PSBT.Parse(base64, network);
        psbt.SignWithKeys([.. keys]);
        var complete = psbt.Clone().TryFinalize(out _);
        return (psbt.ToBase64(), complete);
    }

    /// <summary>
    /// Core's walletprocesspsbt: adds the witness UTXOs it knows (<paramref name="spent"/>, in input order, null when
    /// unknown), signs with <paramref name="keys"/>, and when every input then finalises and <paramref name="finalize"/>
    /// is set, finalises and returns the network transaction too.
    /// </summary>
    public static (string Psbt, bool Complete, OurTransaction? Final) Process(PSBT psbt, IReadOnlyList<OurTxOut?> spent, IEnumerable<Key> keys, bool finalize)
    {
        psbt.AddCoins(WalletSigner.Coins(psbt.GetGlobalTransaction(), spent));
        psbt.SignWithKeys([.. keys]);
        var complete = psbt.Clone().TryFinalize(out _);
        if (!complete || !finalize) return (psbt.ToBase64(), complete, null);
        psbt.Finalize();
        return (psbt.ToBase64(), true, NBitcoinConversions.ToDrivechain(psbt.ExtractTransaction()));
    }

    /// <summary>Parses a base64 PSBT; false for text that is not one.</summary>
    public static bool TryParse(string base64, Network network, out PSBT psbt)
    {
        try
        {
            psbt = PSBT.Parse(base64, network);
            return true;
        }
        catch (FormatException)
        {
            psbt = null!;
            return false;
        }
    }
}
