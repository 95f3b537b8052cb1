using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Networks;

/// <summary>
/// The consensus and encoding parameters of one Bitcoin chain, as Bitcoin Core's chainparams define them:
/// genesis block, magic bytes, ports, proof-of-work rules, buried soft-fork heights, subsidy schedule and
/// address prefixes. Instances are immutable; use <see cref="Main"/>, <see cref="TestNet3"/>,
/// <see cref="TestNet4"/>, <see cref="Signet"/>, <see cref="Regtest"/> or <see cref="FromName"/>.
/// </summary>
public sealed partial class Network
{
    private Network() { }

    /// <summary>Core's chain name: "main", "test", "testnet4", "signet" or "regtest".</summary>
    public required string Name { get; init; }

    /// <summary>The genesis block, built from its fields.</summary>
    public required Block Genesis { get; init; }

    /// <summary>The genesis block hash.</summary>
    public UInt256 GenesisHash => Genesis.Hash;

    /// <summary>The four P2P message start ("magic") bytes.</summary>
    public required ImmutableArray<byte> MessageStart { get; init; }

    /// <summary>Default P2P port.</summary>
    public required int DefaultPort { get; init; }

    /// <summary>Default JSON-RPC port.</summary>
    public required int RpcPort { get; init; }

    /// <summary>The easiest allowed target (Core's powLimit).</summary>
    public required BigInteger PowLimit { get; init; }

    /// <summary><see cref="PowLimit"/> in compact form (what min-difficulty blocks carry).</summary>
    public uint PowLimitBits => BlockHeader.EncodeCompact(PowLimit);

    /// <summary>The retarget period in seconds (two weeks).</summary>
    public long PowTargetTimespan { get; init; } = 14 * 24 * 60 * 60;

    /// <summary>The target block interval in seconds (ten minutes).</summary>
    public long PowTargetSpacing { get; init; } = 10 * 60;

    /// <summary>Blocks per retarget period: timespan / spacing (2016).</summary>
    public int DifficultyAdjustmentInterval => (int)(PowTargetTimespan / PowTargetSpacing);

    /// <summary>Testnet rule: a block more than twice the spacing after its parent may use the minimum difficulty.</summary>
    public required bool PowAllowMinDifficultyBlocks { get; init; }

    /// <summary>Regtest rule: the target never changes.</summary>
    public required bool PowNoRetargeting { get; init; }

    /// <summary>BIP94 (testnet4): retargets start from the first block of the period, not the last.</summary>
    public required bool EnforceBip94 { get; init; }

    /// <summary>Blocks between subsidy halvings (210000; regtest 150).</summary>
    public required int SubsidyHalvingInterval { get; init; }

    /// <summary>First height where BIP34 (height in coinbase) is enforced.</summary>
    public required int Bip34Height { get; init; }

    /// <summary>The block hash at <see cref="Bip34Height"/> (zero when Core leaves it unset).</summary>
    public UInt256 Bip34Hash { get; init; }

    /// <summary>First height where BIP65 (CHECKLOCKTIMEVERIFY) is enforced.</summary>
    public required int Bip65Height { get; init; }

    /// <summary>First height where BIP66 (strict DER) is enforced.</summary>
    public required int Bip66Height { get; init; }

    /// <summary>First height where BIP68/112/113 (CSV) are enforced.</summary>
    public required int CsvHeight { get; init; }

    /// <summary>First height where BIP141/143/147 (segwit) are enforced.</summary>
    public required int SegwitHeight { get; init; }

    /// <summary>First height where BIP340-342 (taproot) are enforced.</summary>
    public required int TaprootHeight { get; init; }

    /// <summary>Blocks a coinbase output must wait before it can be spent.</summary>
    public int CoinbaseMaturity { get; init; } = 100;

    /// <summary>The most money any amount may hold (21 million BTC).</summary>
    public Money MaxMoney => Money.MaxMoney;

    /// <summary>Base58Check version byte of P2PKH addresses.</summary>
    public required byte PubKeyAddressPrefix { get; init; }

    /// <summary>Base58Check version byte of P2SH addresses.</summary>
    public required byte ScriptAddressPrefix { get; init; }

    /// <summary>Base58Check version byte of WIF private keys.</summary>
    public required byte SecretKeyPrefix { get; init; }

    /// <summary>Human-readable part of bech32/bech32m segwit addresses.</summary>
    public required string Bech32Hrp { get; init; }

    /// <summary>The BIP325 block challenge on signet; empty elsewhere.</summary>
    public Script SignetChallenge { get; init; }

    /// <summary>True on signet (blocks carry a BIP325 solution).</summary>
    public bool IsSignet => !SignetChallenge.IsEmpty;

    /// <summary>
    /// Core's GetBlockSubsidy: 50 BTC halved every <see cref="SubsidyHalvingInterval"/> blocks; zero once
    /// the shift would reach 64 halvings.
    /// </summary>
    public Money GetBlockSubsidy(int height)
    {
        if (height < 0) throw new ArgumentOutOfRangeException(nameof(height), height, "height must be non-negative");
        int halvings = height / SubsidyHalvingInterval;
        if (halvings >= 64) return Money.Zero;
        return new Money((50 * Money.Coin) >> halvings);
    }

    /// <summary>Core's GetNextWorkRequired for a block following <paramref name="last"/>; see <see cref="ProofOfWork"/>.</summary>
    public uint GetNextWorkRequired(PowHeader last, uint newBlockTime, IHeaderAncestry chain) =>
        ProofOfWork.GetNextWorkRequired(this, last, newBlockTime, chain);

    /// <summary>The network for one of Core's chain names ("main", "test", "testnet4", "signet", "regtest").</summary>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static Network FromName(string name)
    {
        if (!TryFromName(name, out var network))
            throw new ArgumentException($"unknown chain name '{name}' (expected main, test, testnet4, signet or regtest)", nameof(name));
        return network;
    }

    /// <summary>The network for one of Core's chain names; false when the name is unknown.</summary>
    public static bool TryFromName(string? name, [NotNullWhen(true)] out Network? network)
    {
        network = name switch
        {
            "main" => Main,
            "test" => TestNet3,
            "testnet4" => TestNet4,
            "signet" => Signet,
            "regtest" => Regtest,
            _ => null,
        };
        return network is not null;
    }

    /// <summary>The chain name.</summary>
    public override string ToString() => Name;
}
