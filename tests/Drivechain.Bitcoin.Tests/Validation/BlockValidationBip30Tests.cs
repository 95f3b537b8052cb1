using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

public class BlockValidationBip30Tests
{
    /// <summary>History whose block at the BIP34 height has a chosen hash.</summary>
    private sealed class History(UInt256 hashAtBip34Height) : IChainHistory
    {
        public uint GetMedianTimePast(int height) => 1_600_000_000;
        public UInt256 GetBlockHash(int height) => height == Network.Main.Bip34Height ? hashAtBip34Height : UInt256.Zero;
    }

    private static ConnectBlockResult ConnectDuplicate(int height, UInt256 hashAtBip34Height)
    {
        // A block whose transaction's output 0 already exists unspent in the view.
        var view = new MemoryCoinCache();
        var funding = new OutPoint(Bitcoin.Crypto.Hashes.Sha256d([9]), 0);
        view.AddCoin(funding, new Coin(new TxOut(new Money(Money.Coin), TestTx.OpTrue), 1, false));
        var spend = TestTx.Spend(funding, 1000);
        view.AddCoin(new OutPoint(spend.TxId, 0), new Coin(spend.Outputs[0], 1, false));
        var coinbase = new TestTx().Input(OutPoint.Null, scriptSig: CoinbaseHeight.Encode(height)).Output(0).Build();
        var header = new BlockHeader(0x20000000, UInt256.Zero, UInt256.Zero, 1_600_000_600, 0x1d00ffff, 0);
        var block = new Block(header, [coinbase, spend]);
        return BlockValidation.ConnectBlock(block, height, view, new History(hashAtBip34Height), Network.Main, TestChain.Secp);
    }

    [Fact]
    public void Mainnet_skips_BIP30_above_the_BIP34_height_on_the_chain_with_the_BIP34_hash()
    {
        ConnectDuplicate(300_000, Network.Main.Bip34Hash).IsAccepted.Should().BeTrue();
    }

    [Fact]
    public void Mainnet_enforces_BIP30_on_a_chain_without_the_BIP34_hash()
    {
        var result = ConnectDuplicate(300_000, UInt256.Parse("01".PadLeft(64, '0')));

        result.Should().BeOfType<ConnectBlockResult.Rejected>().Which.Error.RejectReason.Should().Be("bad-txns-BIP30");
    }

    [Fact]
    public void Mainnet_enforces_BIP30_below_the_BIP34_height_and_again_from_height_1983702()
    {
        ConnectDuplicate(227_931, Network.Main.Bip34Hash).Should().BeOfType<ConnectBlockResult.Rejected>()
            .Which.Error.RejectReason.Should().Be("bad-txns-BIP30", "the BIP34 block is not yet an ancestor");
        ConnectDuplicate(1_983_702, Network.Main.Bip34Hash).Should().BeOfType<ConnectBlockResult.Rejected>()
            .Which.Error.RejectReason.Should().Be("bad-txns-BIP30");
        ConnectDuplicate(1_983_701, Network.Main.Bip34Hash).IsAccepted.Should().BeTrue();
    }
}
