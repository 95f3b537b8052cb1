using Drivechain.Consensus.NBitcoin;
using Drivechain.Wallet;
using NBitcoin;

namespace Drivechain.Wallet.Tests;

/// <summary>The wallet crosses to Drivechain.Bitcoin through NBitcoinConversions (bytes in, bytes out) only.</summary>
public sealed class AdapterRoundTripTests
{
    [Fact]
    public void A_wallet_signed_segwit_transaction_round_trips_through_the_byte_adapter()
    {
        var chain = HdKeyChain.FromMnemonic(HdKeyChain.GenerateMnemonic(), Network.RegTest);
        var key = chain.GetKey(change: false, 0);
        var funding = Network.RegTest.CreateTransaction();
        funding.Outputs.Add(Money.Coins(1), chain.GetAddress(false, 0));
        var coin = funding.Outputs.AsCoins().First();
        var builder = Network.RegTest.CreateTransactionBuilder();
        var signed = builder.AddCoins(coin).AddKeys(key)
            .Send(chain.GetAddress(false, 1), Money.Coins(0.5m))
            .SetChange(chain.GetAddress(true, 0))
            .SendFees(Money.Satoshis(1000))
            .SetOptInRBF(true)
            .BuildTransaction(sign: true);

        var ours = NBitcoinConversions.ToDrivechain(signed);
        var back = NBitcoinConversions.ToNBitcoin(ours, Network.RegTest);

        back.ToBytes().Should().Equal(signed.ToBytes());
        back.GetHash().Should().Be(signed.GetHash());
        back.HasWitness.Should().BeTrue();
    }
}
