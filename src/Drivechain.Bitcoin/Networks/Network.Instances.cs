using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Networks;

// Values from Bitcoin Core's src/kernel/chainparams.cpp (and chainparamsbase.cpp for RPC ports).
public sealed partial class Network
{
    private const string Testnet4GenesisText = "03/May/2024 000000000000000000001ebd58c244970b3aa9d783bb001011fbe8ea8e98e00e";

    /// <summary>The default signet challenge (a 1-of-2 bare multisig).</summary>
    public const string DefaultSignetChallengeHex =
        "512103ad5e0edad18cb1f0fc0d28a3d4f1f3e445640337489abb10404f2d1e086be430210359ef5021964fe22d6f8e05b2463c9540ce96883fe3b278760f048f5189f2e6c452ae";

    /// <summary>Bitcoin mainnet.</summary>
    public static Network Main { get; } = new()
    {
        Name = "main",
        Genesis = CreateGenesisBlock(1231006505, 2083236893, 0x1d00ffff, 1, new Money(50 * Money.Coin)),
        MessageStart = Magic(0xf9beb4d9),
        DefaultPort = 8333,
        RpcPort = 8332,
        PowLimit = Target("00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
        PowAllowMinDifficultyBlocks = false,
        PowNoRetargeting = false,
        EnforceBip94 = false,
        SubsidyHalvingInterval = 210000,
        Bip34Height = 227931,
        Bip34Hash = UInt256.Parse("000000000000024b89b42a942fe0d9fea3bb44ab7bd1b19115dd6a759c0808b8"),
        Bip65Height = 388381,
        Bip66Height = 363725,
        CsvHeight = 419328,
        SegwitHeight = 481824,
        TaprootHeight = 709632,
        PubKeyAddressPrefix = 0x00,
        ScriptAddressPrefix = 0x05,
        SecretKeyPrefix = 0x80,
        Bech32Hrp = "bc",
    };

    /// <summary>
    /// Testnet3 ("test"). Core deploys taproot here by BIP9 signalling with no minimum height; this type
    /// does not track version bits and treats taproot as active from the start.
    /// </summary>
    public static Network TestNet3 { get; } = new()
    {
        Name = "test",
        Genesis = CreateGenesisBlock(1296688602, 414098458, 0x1d00ffff, 1, new Money(50 * Money.Coin)),
        MessageStart = Magic(0x0b110907),
        DefaultPort = 18333,
        RpcPort = 18332,
        PowLimit = Target("00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
        PowAllowMinDifficultyBlocks = true,
        PowNoRetargeting = false,
        EnforceBip94 = false,
        SubsidyHalvingInterval = 210000,
        Bip34Height = 21111,
        Bip34Hash = UInt256.Parse("0000000023b3a96d3484e5abb3755c413e7d41500f8e2a5c3f0dd01299cd8ef8"),
        Bip65Height = 581885,
        Bip66Height = 330776,
        CsvHeight = 770112,
        SegwitHeight = 834624,
        TaprootHeight = 0,
        PubKeyAddressPrefix = 0x6f,
        ScriptAddressPrefix = 0xc4,
        SecretKeyPrefix = 0xef,
        Bech32Hrp = "tb",
    };

    /// <summary>Testnet4 (BIP94).</summary>
    public static Network TestNet4 { get; } = new()
    {
        Name = "testnet4",
        Genesis = CreateGenesisBlock(
            Testnet4GenesisText,
            new ScriptBuilder().Push(new byte[33]).Op(OpcodeType.OP_CHECKSIG).ToScript(),
            1714777860, 393743547, 0x1d00ffff, 1, new Money(50 * Money.Coin)),
        MessageStart = Magic(0x1c163f28),
        DefaultPort = 48333,
        RpcPort = 48332,
        PowLimit = Target("00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
        PowAllowMinDifficultyBlocks = true,
        PowNoRetargeting = false,
        EnforceBip94 = true,
        SubsidyHalvingInterval = 210000,
        Bip34Height = 1,
        Bip65Height = 1,
        Bip66Height = 1,
        CsvHeight = 1,
        SegwitHeight = 1,
        TaprootHeight = 0,
        PubKeyAddressPrefix = 0x6f,
        ScriptAddressPrefix = 0xc4,
        SecretKeyPrefix = 0xef,
        Bech32Hrp = "tb",
    };

    /// <summary>The default signet (BIP325) with Core's default challenge.</summary>
    public static Network Signet { get; } = CreateSignet(Script.FromHex(DefaultSignetChallengeHex));

    /// <summary>
    /// A signet with its own block challenge (Core's -signetchallenge): the default signet's parameters and genesis,
    /// with the message start derived from <paramref name="challenge"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The challenge is empty.</exception>
    public static Network CreateSignet(Script challenge) => challenge.IsEmpty
        ? throw new ArgumentException("a signet needs a non-empty challenge", nameof(challenge))
        : new()
    {
        Name = "signet",
        Genesis = CreateGenesisBlock(1598918400, 52613770, 0x1e0377ae, 1, new Money(50 * Money.Coin)),
        MessageStart = SignetMessageStart(challenge),
        SignetChallenge = challenge,
        DefaultPort = 38333,
        RpcPort = 38332,
        PowLimit = Target("00000377ae000000000000000000000000000000000000000000000000000000"),
        PowAllowMinDifficultyBlocks = false,
        PowNoRetargeting = false,
        EnforceBip94 = false,
        SubsidyHalvingInterval = 210000,
        Bip34Height = 1,
        Bip65Height = 1,
        Bip66Height = 1,
        CsvHeight = 1,
        SegwitHeight = 1,
        TaprootHeight = 0,
        PubKeyAddressPrefix = 0x6f,
        ScriptAddressPrefix = 0xc4,
        SecretKeyPrefix = 0xef,
        Bech32Hrp = "tb",
    };

    /// <summary>Regression test network: trivial proof of work, no retargeting, halving every 150 blocks.</summary>
    public static Network Regtest { get; } = new()
    {
        Name = "regtest",
        Genesis = CreateGenesisBlock(1296688602, 2, 0x207fffff, 1, new Money(50 * Money.Coin)),
        MessageStart = Magic(0xfabfb5da),
        DefaultPort = 18444,
        RpcPort = 18443,
        PowLimit = Target("7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
        PowAllowMinDifficultyBlocks = true,
        PowNoRetargeting = true,
        EnforceBip94 = false,
        SubsidyHalvingInterval = 150,
        Bip34Height = 1,
        Bip65Height = 1,
        Bip66Height = 1,
        CsvHeight = 1,
        SegwitHeight = 0,
        TaprootHeight = 0,
        PubKeyAddressPrefix = 0x6f,
        ScriptAddressPrefix = 0xc4,
        SecretKeyPrefix = 0xef,
        Bech32Hrp = "bcrt",
    };

    /// <summary>The five networks: main, test, testnet4, signet, regtest.</summary>
    public static ImmutableArray<Network> All { get; } = [Main, TestNet3, TestNet4, Signet, Regtest];
}
