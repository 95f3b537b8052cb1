using NBitcoin;

namespace Drivechain.Wallet;

/// <summary>
/// A BIP39 mnemonic turned into a BIP84 (native segwit, wpkh) account: receive (0) and change (1) branches
/// under m/84'/coin'/0', with the descriptors Core's listdescriptors shows.
/// </summary>
public sealed class HdKeyChain
{
    private readonly ExtKey _account;
    private readonly Network _network;
    private readonly KeyPath _accountPath;
    private readonly HDFingerprint _masterFingerprint;

    private HdKeyChain(ExtKey master, Network network)
    {
        _network = network;
        var coin = network.ChainName == ChainName.Mainnet ? 0 : 1;
        _accountPath = new KeyPath($"84'/{coin}'/0'");
        _masterFingerprint = master.GetPublicKey().GetHDFingerPrint();
        _account = master.Derive(_accountPath);
        Account = new HdAccount(_account.Neuter().ToString(network), _masterFingerprint.ToString(), _accountPath.ToString(), network);
    }

    /// <summary>The public half (xpub-derived scripts and descriptors), which needs no secret.</summary>
    public HdAccount Account { get; }

    /// <summary>Generates a fresh 12-word English mnemonic.</summary>
    public static string GenerateMnemonic() => new Mnemonic(Wordlist.English, WordCount.Twelve).ToString();

    /// <summary>Builds the key chain from a BIP39 mnemonic (checksum verified) and optional passphrase.</summary>
    public static HdKeyChain FromMnemonic(string mnemonic, Network network, string passphrase = "")
    {
        Mnemonic parsed;
        try
        {
            parsed = new Mnemonic(mnemonic, Wordlist.English);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("Invalid BIP39 mnemonic: " + ex.Message, nameof(mnemonic), ex);
        }
        if (!parsed.IsValidChecksum)
            throw new ArgumentException("Invalid BIP39 mnemonic: bad checksum", nameof(mnemonic));
        return new HdKeyChain(parsed.DeriveExtKey(passphrase), network);
    }

    /// <summary>The account extended public key (BIP32 serialization for the network).</summary>
    public string AccountXpub => _account.Neuter().ToString(_network);

    /// <summary>The account extended private key (for listdescriptors private=true).</summary>
    public string AccountXprv => _account.ToString(_network);

    /// <summary>The address at <paramref name="index"/> on the receive (change = false) or change branch.</summary>
    public BitcoinAddress GetAddress(bool change, uint index) =>
        GetKey(change, index).PubKey.GetAddress(ScriptPubKeyType.Segwit, _network);

    /// <summary>The private key at <paramref name="index"/> on the receive or change branch.</summary>
    public Key GetKey(bool change, uint index) => _account.Derive(change ? 1u : 0u).Derive(index).PrivateKey;

    /// <summary>The output descriptor (without checksum) of the receive or change branch, public form.</summary>
    public string GetDescriptor(bool change) => Account.GetDescriptor(change);

    /// <summary>The full path of a key, for getaddressinfo's hdkeypath.</summary>
    public string GetKeyPath(bool change, uint index) => Account.GetKeyPath(change, index);
}
