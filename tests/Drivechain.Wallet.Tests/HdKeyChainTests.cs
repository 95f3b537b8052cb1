using Drivechain.Wallet;
using NBitcoin;

namespace Drivechain.Wallet.Tests;

/// <summary>Test vectors from BIP84 (https://github.com/bitcoin/bips/blob/master/bip-0084.mediawiki).</summary>
public sealed class HdKeyChainTests
{
    private const string Bip84Mnemonic =
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    [Fact]
    public void Bip84_vector_receive_and_change_addresses_are_derived()
    {
        var chain = HdKeyChain.FromMnemonic(Bip84Mnemonic, Network.Main);

        chain.GetAddress(change: false, 0).ToString().Should().Be("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu");
        chain.GetAddress(change: false, 1).ToString().Should().Be("bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g");
        chain.GetAddress(change: true, 0).ToString().Should().Be("bc1q8c6fshw2dlwun7ekn9qwf37cu2rn755upcp6el");
    }

    [Fact]
    public void Descriptors_name_the_master_fingerprint_and_bip84_account_path()
    {
        var chain = HdKeyChain.FromMnemonic(Bip84Mnemonic, Network.Main);

        chain.GetDescriptor(change: false).Should().Be($"wpkh([73c5da0a/84'/0'/0']{chain.AccountXpub}/0/*)");
        chain.GetDescriptor(change: true).Should().EndWith("/1/*)");
        chain.GetKeyPath(change: true, 5).Should().Be("m/84'/0'/0'/1/5");
    }

    [Fact]
    public void Regtest_uses_coin_type_1_and_bcrt_addresses()
    {
        var chain = HdKeyChain.FromMnemonic(Bip84Mnemonic, Network.RegTest);

        chain.GetAddress(change: false, 0).ToString().Should().StartWith("bcrt1q");
        chain.GetKeyPath(change: false, 0).Should().Be("m/84'/1'/0'/0/0");
    }

    [Fact]
    public void A_mnemonic_with_a_bad_checksum_is_rejected()
    {
        var bad = Bip84Mnemonic.Replace("about", "abandon", StringComparison.Ordinal);

        var act = () => HdKeyChain.FromMnemonic(bad, Network.Main);

        act.Should().Throw<ArgumentException>().WithMessage("*checksum*");
    }

    [Fact]
    public void Generated_mnemonics_have_twelve_words_and_a_valid_checksum()
    {
        var words = HdKeyChain.GenerateMnemonic();

        words.Split(' ').Should().HaveCount(12);
        HdKeyChain.FromMnemonic(words, Network.RegTest).GetAddress(false, 0).Should().NotBeNull();
    }
}
