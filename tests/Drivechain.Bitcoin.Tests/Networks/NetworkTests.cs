using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Tests.Networks;

/// <summary>Network parameters against Core's chainparams.</summary>
public class NetworkTests
{
    [Theory]
    [InlineData("main", "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b")]
    [InlineData("test", "000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943", "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b")]
    [InlineData("testnet4", "00000000da84f2bafbbc53dee25a72ae507ff4914b867c565be350b0da8bf043", "7aa0a7ae1e223414cb807e40cd57e667b718e42aaf9306db9102fe28912b7b4e")]
    [InlineData("signet", "00000008819873e925422c1ff0f99f7cc9bbb232af63a077a480a3633bee1ef6", "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b")]
    [InlineData("regtest", "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206", "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b")]
    public void Genesis_block_built_from_its_fields_has_cores_hash_and_merkle_root(string name, string hash, string merkleRoot)
    {
        var network = Network.FromName(name);

        network.GenesisHash.ToString().Should().Be(hash);
        network.Genesis.Header.MerkleRoot.ToString().Should().Be(merkleRoot);
        network.Genesis.ComputeMerkleRoot(out _).Should().Be(network.Genesis.Header.MerkleRoot);
        network.Genesis.Header.CheckProofOfWork(network.PowLimit).Should().BeTrue();
        network.Genesis.Transactions.Should().ContainSingle().Which.IsCoinbase.Should().BeTrue();
        network.Genesis.Transactions[0].Outputs[0].Value.Should().Be(new Money(50 * Money.Coin));
    }

    [Fact]
    public void Mainnet_genesis_coinbase_is_the_famous_transaction()
    {
        var coinbase = Network.Main.Genesis.Transactions[0];

        coinbase.Inputs[0].ScriptSig.ToHex().Should().Be(
            "04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73");
        coinbase.Outputs[0].ScriptPubKey.ToHex().Should().Be("41" + Network.SatoshiGenesisPubKeyHex + "ac");
        Network.Main.Genesis.ToBytes().Should().HaveCount(285);
    }

    [Fact]
    public void Testnet4_genesis_pays_to_a_zero_key_with_its_own_text()
    {
        var coinbase = Network.TestNet4.Genesis.Transactions[0];

        coinbase.Outputs[0].ScriptPubKey.ToHex().Should().Be("21" + new string('0', 66) + "ac");
        System.Text.Encoding.ASCII.GetString(coinbase.Inputs[0].ScriptSig.Span[9..])
            .Should().Be("03/May/2024 000000000000000000001ebd58c244970b3aa9d783bb001011fbe8ea8e98e00e");
    }

    [Theory]
    [InlineData("main", "f9beb4d9", 8333, 8332)]
    [InlineData("test", "0b110907", 18333, 18332)]
    [InlineData("testnet4", "1c163f28", 48333, 48332)]
    [InlineData("signet", "0a03cf40", 38333, 38332)]
    [InlineData("regtest", "fabfb5da", 18444, 18443)]
    public void Magic_bytes_and_ports_are_cores(string name, string magic, int port, int rpcPort)
    {
        var network = Network.FromName(name);

        Convert.ToHexStringLower(network.MessageStart.AsSpan()).Should().Be(magic);
        network.DefaultPort.Should().Be(port);
        network.RpcPort.Should().Be(rpcPort);
        network.Name.Should().Be(name);
    }

    [Theory]
    [InlineData("main", 0x1d00ffffu, false, false, false, 210000)]
    [InlineData("test", 0x1d00ffffu, true, false, false, 210000)]
    [InlineData("testnet4", 0x1d00ffffu, true, false, true, 210000)]
    [InlineData("signet", 0x1e0377aeu, false, false, false, 210000)]
    [InlineData("regtest", 0x207fffffu, true, true, false, 150)]
    public void Proof_of_work_rules_are_cores(string name, uint limitBits, bool minDifficulty, bool noRetargeting, bool bip94, int halving)
    {
        var network = Network.FromName(name);

        network.PowLimitBits.Should().Be(limitBits);
        network.Genesis.Header.Bits.Should().Be(limitBits);
        network.PowAllowMinDifficultyBlocks.Should().Be(minDifficulty);
        network.PowNoRetargeting.Should().Be(noRetargeting);
        network.EnforceBip94.Should().Be(bip94);
        network.SubsidyHalvingInterval.Should().Be(halving);
        network.PowTargetTimespan.Should().Be(14 * 24 * 3600);
        network.PowTargetSpacing.Should().Be(600);
        network.DifficultyAdjustmentInterval.Should().Be(2016);
        network.CoinbaseMaturity.Should().Be(100);
        network.MaxMoney.Should().Be(new Money(21_000_000 * Money.Coin));
    }

    [Theory]
    [InlineData("main", 227931, 388381, 363725, 419328, 481824, 709632)]
    [InlineData("test", 21111, 581885, 330776, 770112, 834624, 0)]
    [InlineData("testnet4", 1, 1, 1, 1, 1, 0)]
    [InlineData("signet", 1, 1, 1, 1, 1, 0)]
    [InlineData("regtest", 1, 1, 1, 1, 0, 0)]
    public void Soft_fork_heights_are_cores(string name, int bip34, int bip65, int bip66, int csv, int segwit, int taproot)
    {
        var network = Network.FromName(name);

        network.Bip34Height.Should().Be(bip34);
        network.Bip65Height.Should().Be(bip65);
        network.Bip66Height.Should().Be(bip66);
        network.CsvHeight.Should().Be(csv);
        network.SegwitHeight.Should().Be(segwit);
        network.TaprootHeight.Should().Be(taproot);
    }

    [Fact]
    public void Bip34_hashes_are_set_where_core_sets_them()
    {
        Network.Main.Bip34Hash.ToString().Should().Be("000000000000024b89b42a942fe0d9fea3bb44ab7bd1b19115dd6a759c0808b8");
        Network.TestNet3.Bip34Hash.ToString().Should().Be("0000000023b3a96d3484e5abb3755c413e7d41500f8e2a5c3f0dd01299cd8ef8");
        Network.Regtest.Bip34Hash.IsZero.Should().BeTrue();
    }

    [Theory]
    [InlineData("main", 0x00, 0x05, 0x80, "bc")]
    [InlineData("test", 0x6f, 0xc4, 0xef, "tb")]
    [InlineData("testnet4", 0x6f, 0xc4, 0xef, "tb")]
    [InlineData("signet", 0x6f, 0xc4, 0xef, "tb")]
    [InlineData("regtest", 0x6f, 0xc4, 0xef, "bcrt")]
    public void Address_prefixes_are_cores(string name, byte pubKey, byte script, byte secret, string hrp)
    {
        var network = Network.FromName(name);

        network.PubKeyAddressPrefix.Should().Be(pubKey);
        network.ScriptAddressPrefix.Should().Be(script);
        network.SecretKeyPrefix.Should().Be(secret);
        network.Bech32Hrp.Should().Be(hrp);
    }

    [Fact]
    public void Only_signet_carries_a_block_challenge_and_its_magic_derives_from_it()
    {
        Network.Signet.IsSignet.Should().BeTrue();
        Network.Signet.SignetChallenge.ToHex().Should().Be(Network.DefaultSignetChallengeHex);
        Network.SignetMessageStart(Network.Signet.SignetChallenge).Should().Equal(Network.Signet.MessageStart);
        Network.All.Where(n => n != Network.Signet).Should().OnlyContain(n => !n.IsSignet);
    }

    [Fact]
    public void A_custom_signet_keeps_the_genesis_and_derives_its_magic_from_its_challenge()
    {
        var challenge = Script.FromHex("51");

        var custom = Network.CreateSignet(challenge);

        custom.GenesisHash.Should().Be(Network.Signet.GenesisHash);
        custom.SignetChallenge.Should().Be(challenge);
        custom.MessageStart.Should().NotEqual(Network.Signet.MessageStart);
        custom.MessageStart.Should().Equal(Network.SignetMessageStart(challenge));
        var empty = () => Network.CreateSignet(Script.Empty);
        empty.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void FromName_accepts_cores_chain_names_only()
    {
        Network.All.Select(n => n.Name).Should().Equal("main", "test", "testnet4", "signet", "regtest");
        Network.All.Should().OnlyContain(n => Network.FromName(n.Name) == n);
        Network.TryFromName("mainnet", out _).Should().BeFalse();
        Network.TryFromName("testnet", out _).Should().BeFalse();
        Network.TryFromName(null, out _).Should().BeFalse();
        var act = () => Network.FromName("bogus");
        act.Should().Throw<ArgumentException>().WithMessage("*bogus*");
    }

    [Theory]
    [InlineData(0, 5_000_000_000L)]
    [InlineData(209_999, 5_000_000_000L)]
    [InlineData(210_000, 2_500_000_000L)]
    [InlineData(420_000, 1_250_000_000L)]
    [InlineData(840_000, 312_500_000L)]
    [InlineData(6_929_999, 1L)]
    [InlineData(6_930_000, 0L)]
    [InlineData(13_440_000, 0L)]
    [InlineData(int.MaxValue, 0L)]
    public void Block_subsidy_halves_every_210000_blocks(int height, long satoshis)
    {
        Network.Main.GetBlockSubsidy(height).Should().Be(new Money(satoshis));
    }

    [Fact]
    public void Subsidies_sum_to_cores_total_just_under_21_million()
    {
        // Core's subsidy_limit_test: sample every 1000th height up to 14 million.
        long sum = 0;
        for (int height = 0; height < 14_000_000; height += 1000)
        {
            var subsidy = Network.Main.GetBlockSubsidy(height).Satoshis;
            subsidy.Should().BeLessThanOrEqualTo(50 * Money.Coin);
            sum += subsidy * 1000;
        }

        sum.Should().Be(2_099_999_997_690_000L);
    }

    [Fact]
    public void Regtest_subsidy_halves_every_150_blocks()
    {
        Network.Regtest.GetBlockSubsidy(149).Should().Be(new Money(50 * Money.Coin));
        Network.Regtest.GetBlockSubsidy(150).Should().Be(new Money(25 * Money.Coin));
        Network.Regtest.GetBlockSubsidy(150 * 64).Should().Be(Money.Zero);
    }

    [Fact]
    public void A_negative_height_is_a_caller_bug()
    {
        var act = () => Network.Main.GetBlockSubsidy(-1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
