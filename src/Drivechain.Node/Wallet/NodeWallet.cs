using System.Text.Json;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Wallet;
using Drivechain.Wallet.Ledger;

namespace Drivechain.Node.Wallet;

/// <summary>
/// One wallet of the node (Core's CWallet): its directory <c>wallets/&lt;name&gt;/</c> (<c>wallet.json</c> metadata,
/// <c>seed.json</c> the mnemonic under scrypt + AES-256-GCM, <c>transactions.jsonl</c> its transactions and best block),
/// the public account it scans with, the ledger of its transactions, and the private keys while unlocked. Callers serialise access (the <see cref="WalletManager"/>'s lock).
/// </summary>
public sealed partial class NodeWallet : IDisposable
{
    /// <summary>Core's -keypool default: scripts derived ahead of the last used/handed-out index on each branch.</summary>
    public const int Keypool = 1000;

    private const string MetadataFile = "wallet.json";
    private const string SeedFile = "seed.json";

    private readonly TimeProvider _clock;
    private readonly uint[] _derived = [0, 0];
    private HdKeyChain? _keys;
    private DateTimeOffset _unlockedUntil;

    private NodeWallet(string name, string directory, WalletMetadata metadata, NBitcoin.Network network, TimeProvider clock)
    {
        Name = name;
        Directory = directory;
        Metadata = metadata;
        Network = network;
        _clock = clock;
        Account = new HdAccount(metadata.AccountXpub, metadata.MasterFingerprint, metadata.AccountPath, network);
        _store = WalletTxStore.Open(directory, Ledger);   // the stored transactions and best block, if any
        ExtendKeypool();   // past the indexes the stored transactions used
    }

    private readonly WalletTxStore _store;

    /// <summary>Journal lines of <c>transactions.jsonl</c> that could not be read at load (a torn tail) and were dropped.</summary>
    public int DroppedRecords => _store.DroppedRecords;

    /// <summary>Writes the ledger's changes since the last commit to <c>transactions.jsonl</c> (fsync).</summary>
    public void Commit() => _store.Commit();

    /// <summary>Commits and closes the transaction store (unloadwallet, shutdown).</summary>
    public void Dispose() => _store.Dispose();

    public string Name { get; }
    public string Directory { get; }
    public WalletMetadata Metadata { get; private set; }
    public NBitcoin.Network Network { get; }
    public HdAccount Account { get; }
    public WalletLedger Ledger { get; } = new();
    public bool IsEncrypted => Metadata.Encrypted;

    /// <summary>True while private keys are available (always for a wallet without passphrase).</summary>
    public bool IsUnlocked => Keys is not null;

    /// <summary>When an encrypted wallet locks again (Core's unlocked_until; 0 = locked).</summary>
    public long UnlockedUntil => IsEncrypted && IsUnlocked ? _unlockedUntil.ToUnixTimeSeconds() : 0;

    private HdKeyChain? Keys
    {
        get
        {
            if (_keys is not null && IsEncrypted && _clock.GetUtcNow() >= _unlockedUntil) _keys = null;
            return _keys;
        }
    }

    /// <summary>Creates the wallet directory with a new (or the given) mnemonic; the seed is encrypted with <paramref name="passphrase"/>.</summary>
    public static NodeWallet Create(string name, string directory, NBitcoin.Network network, string? mnemonic, string passphrase,
        int birthHeight, TimeProvider clock)
    {
        mnemonic ??= HdKeyChain.GenerateMnemonic();
        var keys = HdKeyChain.FromMnemonic(mnemonic, network);   // throws ArgumentException on a bad mnemonic: nothing written yet
        System.IO.Directory.CreateDirectory(directory);
        SeedVault.Save(Path.Combine(directory, SeedFile), mnemonic, passphrase);
        var metadata = new WalletMetadata(1, network.ChainName.ToString(), keys.Account.AccountXpub, keys.Account.MasterFingerprint,
            keys.Account.AccountPath, 0, 0, birthHeight, passphrase.Length > 0, clock.GetUtcNow().ToUnixTimeSeconds());
        WriteMetadata(directory, metadata);
        var wallet = new NodeWallet(name, directory, metadata, network, clock);
        if (!metadata.Encrypted) wallet._keys = keys;
        return wallet;
    }

    /// <summary>True when <paramref name="directory"/> holds a wallet.</summary>
    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, MetadataFile));

    /// <summary>Opens a wallet directory; an unencrypted wallet's keys are loaded at once.</summary>
    public static NodeWallet Load(string name, string directory, NBitcoin.Network network, TimeProvider clock)
    {
        WalletMetadata metadata;
        using (var stream = File.OpenRead(Path.Combine(directory, MetadataFile)))
            metadata = JsonSerializer.Deserialize(stream, WalletMetadataJson.Default.WalletMetadata) ?? throw new InvalidDataException("empty wallet.json");
        if (metadata.Network != network.ChainName.ToString())
            throw new WalletException(WalletErrorCode.WalletError, $"Wallet {name} is for {metadata.Network}, not {network.ChainName}");
        var wallet = new NodeWallet(name, directory, metadata, network, clock);
        try
        {
            if (!metadata.Encrypted)
                wallet._keys = HdKeyChain.FromMnemonic(SeedVault.Load(Path.Combine(directory, SeedFile), ""), network);
        }
        catch
        {
            wallet.Dispose();
            throw;
        }
        return wallet;
    }

    /// <summary>Hands out the next receive (or change) address and derives the keypool ahead of it.</summary>
    public string GetNewAddress(bool change)
    {
        var index = change ? Metadata.NextChange : Metadata.NextReceive;
        Save(change ? Metadata with { NextChange = index + 1 } : Metadata with { NextReceive = index + 1 });
        ExtendKeypool();
        return Account.GetAddress(change, index);
    }

    /// <summary>The change script the next spend would use, without handing it out (see <see cref="CommitChange"/>).</summary>
    public Script PeekChangeScript() => new(Account.GetScriptPubKey(true, Metadata.NextChange));

    /// <summary>Marks the peeked change address as used once its transaction was accepted.</summary>
    public void CommitChange() => GetNewAddress(change: true);

    /// <summary>Derives scripts up to <see cref="Keypool"/> past the highest handed-out or used index of each branch.</summary>
    public void ExtendKeypool()
    {
        foreach (var change in new[] { false, true })
        {
            var branch = change ? 1 : 0;
            var next = change ? Metadata.NextChange : Metadata.NextReceive;
            var target = (uint)Math.Max(next, Ledger.HighestUsed(change) + 1) + Keypool;
            for (var i = _derived[branch]; i < target; i++)
                Ledger.AddScript(new Script(Account.GetScriptPubKey(change, i)), new KeyOrigin(change, i));
            _derived[branch] = Math.Max(_derived[branch], target);
        }
    }

    /// <summary>Private keys for <paramref name="origins"/>; a locked wallet answers Core's -13.</summary>
    public IReadOnlyList<NBitcoin.Key> KeysFor(IEnumerable<KeyOrigin> origins)
    {
        var keys = RequireKeys();
        return [.. origins.Distinct().Select(o => keys.GetKey(o.Change, o.Index))];
    }

    /// <summary>Throws Core's -13 when the wallet is locked.</summary>
    public HdKeyChain RequireKeys() =>
        Keys ?? throw new WalletException(WalletErrorCode.UnlockNeeded, "Error: Please enter the wallet passphrase with walletpassphrase first.");

    /// <summary>walletpassphrase: keeps the keys in memory for <paramref name="seconds"/>.</summary>
    public void Unlock(string passphrase, long seconds)
    {
        if (!IsEncrypted) throw new WalletException(WalletErrorCode.WrongEncState, "Error: running with an unencrypted wallet, but walletpassphrase was called.");
        string mnemonic;
        try
        {
            mnemonic = SeedVault.Load(Path.Combine(Directory, SeedFile), passphrase);
        }
        catch (WalletPassphraseException e)
        {
            throw new WalletException(WalletErrorCode.PassphraseIncorrect, e.Message);
        }
        _keys = HdKeyChain.FromMnemonic(mnemonic, Network);
        _unlockedUntil = _clock.GetUtcNow().AddSeconds(Math.Min(seconds, 100_000_000));
    }

    /// <summary>walletlock.</summary>
    public void Lock()
    {
        if (!IsEncrypted) throw new WalletException(WalletErrorCode.WrongEncState, "Error: running with an unencrypted wallet, but walletlock was called.");
        _keys = null;
    }

    /// <summary>encryptwallet: re-encrypts the seed under <paramref name="passphrase"/> and locks.</summary>
    public void Encrypt(string passphrase)
    {
        if (IsEncrypted) throw new WalletException(WalletErrorCode.WrongEncState, "Error: running with an encrypted wallet, but encryptwallet was called.");
        if (passphrase.Length == 0) throw new WalletException(WalletErrorCode.WalletError, "passphrase cannot be empty");   // Core: RPC_INVALID_PARAMETER
        var mnemonic = SeedVault.Load(Path.Combine(Directory, SeedFile), "");
        SeedVault.Save(Path.Combine(Directory, SeedFile), mnemonic, passphrase);
        Save(Metadata with { Encrypted = true });
        _keys = null;
    }

    private void Save(WalletMetadata metadata)
    {
        WriteMetadata(Directory, metadata);
        Metadata = metadata;
    }

    private static void WriteMetadata(string directory, WalletMetadata metadata)
    {
        var path = Path.Combine(directory, MetadataFile);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(metadata, WalletMetadataJson.Default.WalletMetadata));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
