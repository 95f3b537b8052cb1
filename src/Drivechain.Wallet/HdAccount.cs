using NBitcoin;

namespace Drivechain.Wallet;

/// <summary>
/// The public half of a BIP84 account: derives receive/change scripts and descriptors from the account xpub, so a
/// locked wallet still follows the chain. Private keys come only from <see cref="HdKeyChain"/>.
/// </summary>
public sealed class HdAccount
{
    private readonly ExtPubKey _receive;
    private readonly ExtPubKey _change;

    /// <summary>Builds the account from its xpub, the master fingerprint (hex) and the account path (e.g. 84'/1'/0').</summary>
    public HdAccount(string accountXpub, string masterFingerprint, string accountPath, Network network)
    {
        Network = network;
        AccountXpub = accountXpub;
        MasterFingerprint = masterFingerprint;
        AccountPath = accountPath;
        var xpub = ExtPubKey.Parse(accountXpub, network);
        _receive = xpub.Derive(0);
        _change = xpub.Derive(1);
    }

    /// <summary>The NBitcoin network of the addresses.</summary>
    public Network Network { get; }

    /// <summary>The account extended public key.</summary>
    public string AccountXpub { get; }

    /// <summary>The master key fingerprint, 8 hex digits.</summary>
    public string MasterFingerprint { get; }

    /// <summary>The account path without the leading m/.</summary>
    public string AccountPath { get; }

    /// <summary>The public key at <paramref name="index"/> of the receive or change branch.</summary>
    public PubKey GetPubKey(bool change, uint index) => (change ? _change : _receive).Derive(index).PubKey;

    /// <summary>The P2WPKH scriptPubKey bytes at <paramref name="index"/>.</summary>
    public byte[] GetScriptPubKey(bool change, uint index) => GetPubKey(change, index).WitHash.ScriptPubKey.ToBytes();

    /// <summary>The bech32 address at <paramref name="index"/>.</summary>
    public string GetAddress(bool change, uint index) => GetPubKey(change, index).GetAddress(ScriptPubKeyType.Segwit, Network).ToString();

    /// <summary>The public descriptor of a branch, without its checksum.</summary>
    public string GetDescriptor(bool change) =>
        $"wpkh([{MasterFingerprint}/{AccountPath}]{AccountXpub}/{(change ? 1 : 0)}/*)";

    /// <summary>The key's origin as PSBTs carry it (BIP174 PSBT_IN/OUT_BIP32_DERIVATION): master fingerprint and full path.</summary>
    public RootedKeyPath GetRootedKeyPath(bool change, uint index) =>
        new(HDFingerprint.Parse(MasterFingerprint), KeyPath.Parse($"{AccountPath}/{(change ? 1 : 0)}/{index}"));

    /// <summary>The full path of a key, as getaddressinfo's hdkeypath.</summary>
    public string GetKeyPath(bool change, uint index) => $"m/{AccountPath}/{(change ? 1 : 0)}/{index}";
}
