using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Serialization;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

public class CoinsDeltaTests
{
    private static CoinsDelta SampleDelta()
    {
        var chain = new TestChain();
        var a = chain.Fund(3 * Money.Coin, height: 1, coinbase: true);
        var b = chain.Fund(Money.Coin, new Script(new byte[300]), height: 1);
        chain.AddHistory(120);
        var spend = new TestTx().Input(a).Input(b).Output(Money.Coin).Output(2 * Money.Coin, new Script(new byte[] { 0x00, 0x14, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })).Build();
        return ((ConnectBlockResult.Accepted)chain.Connect(chain.NextBlock().Add(spend).Build(), ScriptCheckMode.Skip)).Delta;
    }

    [Fact]
    public void Serialization_round_trips_every_field()
    {
        var delta = SampleDelta();

        var bytes = delta.ToBytes();
        CoinsDelta.TryParse(bytes, out var parsed, out var error).Should().BeTrue(error.ToString());

        bytes.Length.Should().Be(delta.SerializedSize);
        parsed!.Spent.Should().Equal(delta.Spent);
        parsed.Created.Should().Equal(delta.Created);
        parsed.Spent.Should().Contain(e => e.Coin.IsCoinbase && e.Coin.Height == 1);
    }

    [Fact]
    public void Truncated_or_padded_bytes_do_not_parse()
    {
        var bytes = SampleDelta().ToBytes();

        for (int length = 0; length < bytes.Length; length++)
            CoinsDelta.TryParse(bytes.AsSpan(0, length), out _, out _).Should().BeFalse($"{length} of {bytes.Length} bytes");
        CoinsDelta.TryParse([.. bytes, 0], out _, out var error).Should().BeFalse();
        error.Kind.Should().Be(ParseErrorKind.TrailingBytes);
    }

    [Fact]
    public void Empty_delta_is_two_zero_counts()
    {
        CoinsDelta.Empty.ToBytes().Should().Equal(0, 0);
    }
}
