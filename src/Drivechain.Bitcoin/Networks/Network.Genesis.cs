using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Networks;

public sealed partial class Network
{
    /// <summary>The coinbase text of the genesis block of main, testnet3, signet and regtest.</summary>
    public const string SatoshiGenesisText = "The Times 03/Jan/2009 Chancellor on brink of second bailout for banks";

    /// <summary>The uncompressed public key the original genesis coinbase pays to.</summary>
    public const string SatoshiGenesisPubKeyHex =
        "04678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5f";

    /// <summary>
    /// Builds a genesis block as Core's CreateGenesisBlock does: a version-1 coinbase whose scriptSig pushes
    /// 486604799, the one-byte number 4 (as data) and <paramref name="timestamp"/>, paying <paramref name="reward"/> to
    /// <paramref name="outputScript"/>; the header has no parent and the coinbase's txid as merkle root.
    /// </summary>
    public static Block CreateGenesisBlock(string timestamp, Script outputScript, uint time, uint nonce, uint bits, int version, Money reward)
    {
        var scriptSig = new ScriptBuilder()
            .Push(486604799)
            .Push([4]) // CScriptNum(4): a data push, not OP_4
            .Push(Encoding.ASCII.GetBytes(timestamp))
            .ToScript();
        var coinbase = new Transaction(
            version: 1,
            [new TxIn(OutPoint.Null, scriptSig)],
            [new TxOut(reward, outputScript)],
            lockTime: 0);
        var header = new BlockHeader(version, UInt256.Zero, coinbase.TxId, time, bits, nonce);
        return new Block(header, [coinbase]);
    }

    /// <summary>The genesis block of main, testnet3, signet and regtest, with the given header fields.</summary>
    public static Block CreateGenesisBlock(uint time, uint nonce, uint bits, int version, Money reward)
    {
        var outputScript = new ScriptBuilder().Push(Convert.FromHexString(SatoshiGenesisPubKeyHex)).Op(OpcodeType.OP_CHECKSIG).ToScript();
        return CreateGenesisBlock(SatoshiGenesisText, outputScript, time, nonce, bits, version, reward);
    }

    private static BigInteger Target(string bigEndianHex) => BigInteger.Parse("0" + bigEndianHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static ImmutableArray<byte> Magic(uint bigEndian) =>
        [(byte)(bigEndian >> 24), (byte)(bigEndian >> 16), (byte)(bigEndian >> 8), (byte)bigEndian];

    /// <summary>BIP325: the signet message start is the first four bytes of SHA256d over the challenge as var-bytes.</summary>
    public static ImmutableArray<byte> SignetMessageStart(Script challenge)
    {
        var buffer = new byte[Serialization.BitcoinWriter.VarBytesLength(challenge.Length)];
        var writer = new Serialization.BitcoinWriter(buffer);
        writer.WriteVarBytes(challenge.Span);
        Span<byte> digest = stackalloc byte[32];
        Hashes.Sha256d(buffer, digest);
        return [.. digest[..4]];
    }
}
