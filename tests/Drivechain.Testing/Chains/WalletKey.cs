using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Testing.Chains;

/// <summary>
/// The wallet's script and how to unlock it: anyone-can-spend scripts, or a deterministic key signing P2WPKH
/// (BIP143) or P2TR key-path (BIP341) inputs through <see cref="ISecp256k1"/>.
/// </summary>
public sealed class WalletKey
{
    private readonly ISecp256k1? _secp;
    private readonly byte[] _secret;
    private readonly byte[] _publicKey = [];
    private readonly byte[] _tweakedSecret = [];

    /// <summary>A wallet of the given kind; signing kinds need <paramref name="secp"/>.</summary>
    public WalletKey(WalletKind kind, ISecp256k1? secp, string seed = "drivechain-generator")
    {
        Kind = kind;
        _secp = secp;
        _secret = Hashes.Sha256(System.Text.Encoding.UTF8.GetBytes(seed)).ToBytes();
        switch (kind)
        {
            case WalletKind.P2wshOpTrue:
                Script = DrivechainScripts.P2wshOpTrue;
                break;
            case WalletKind.BareOpTrue:
                Script = DrivechainScripts.OpTrue;
                break;
            case WalletKind.P2wpkh:
                Require(secp);
                _publicKey = secp!.GetPublicKey(_secret, compressed: true);
                Script = new Script((byte[])[0x00, 0x14, .. Hashes.Hash160(_publicKey).ToBytes()]);
                break;
            case WalletKind.P2trKeyPath:
                Require(secp);
                var internalKey = secp!.GetXOnlyPublicKey(_secret);
                var tweak = Hashes.TaggedHash("TapTweak", internalKey).ToBytes();
                if (!secp.TryTweakXOnlyPublicKey(internalKey, tweak, out var outputKey, out _) || !secp.TryTweakSecretKey(_secret, tweak, out _tweakedSecret))
                    throw new InvalidOperationException("the generator key cannot be tweaked");
                Script = new Script((byte[])[0x51, 0x20, .. outputKey]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>The kind.</summary>
    public WalletKind Kind { get; }

    /// <summary>The script the wallet's outputs pay to.</summary>
    public Script Script { get; }

    /// <summary>True when inputs need signatures (the whole transaction must exist first).</summary>
    public bool Signs => Kind is WalletKind.P2wpkh or WalletKind.P2trKeyPath;

    /// <summary>An input spending <paramref name="outPoint"/> before signing.</summary>
    public TxIn UnsignedInput(OutPoint outPoint) => Kind == WalletKind.P2wshOpTrue
        ? new TxIn(outPoint, Script.Empty, TxIn.SequenceFinal, Witness.Of(DrivechainScripts.OpTrueWitnessScript))
        : new TxIn(outPoint, Script.Empty, TxIn.SequenceFinal);

    /// <summary>Signs the inputs listed in <paramref name="walletInputs"/> (SIGHASH_ALL / default); returns the signed transaction.</summary>
    public Transaction Sign(Transaction tx, IReadOnlyList<TxOut> spentOutputs, IReadOnlyCollection<int> walletInputs)
    {
        if (!Signs || walletInputs.Count == 0) return tx;
        var data = new PrecomputedTransactionData(tx, spentOutputs);
        var inputs = tx.Inputs.ToBuilder();
        foreach (var i in walletInputs)
        {
            Witness witness;
            if (Kind == WalletKind.P2wpkh)
            {
                var scriptCode = new Script((byte[])[0x76, 0xa9, 0x14, .. Script.Span[2..], 0x88, 0xac]);
                var sighash = SignatureHash.WitnessV0(scriptCode, data, i, 1, spentOutputs[i].Value);
                var der = _secp!.SignEcdsa(sighash.ToBytes(), _secret);
                witness = Witness.Of([.. der, 0x01], _publicKey);
            }
            else
            {
                if (!SignatureHash.TryTaproot(data, i, 0x00, out var sighash))
                    throw new InvalidOperationException($"no taproot sighash for input {i}");
                witness = Witness.Of(_secp!.SignSchnorr(sighash.ToBytes(), _tweakedSecret, new byte[32]));
            }
            inputs[i] = inputs[i] with { Witness = witness };
        }
        return new Transaction(tx.Version, inputs.ToImmutable(), tx.Outputs, tx.LockTime);
    }

    private static void Require(ISecp256k1? secp)
    {
        if (secp is null) throw new ArgumentException("signing wallets need an ISecp256k1 (ChainGeneratorOptions.Secp)");
    }
}
