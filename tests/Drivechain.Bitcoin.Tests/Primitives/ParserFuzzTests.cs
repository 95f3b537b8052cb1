using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Bitcoin.Tests.Primitives;

/// <summary>
/// Random and damaged bytes into the parsers: TryParse never throws and Parse throws nothing but
/// <see cref="ParseException"/>. Seeds are fixed so failures reproduce.
/// </summary>
public class ParserFuzzTests
{
    private static readonly byte[] BlockBytes = CoreVectorFiles.ReadBytes("block413567.raw");

    private static List<byte[]> RealTransactions()
    {
        var txs = TransactionVectorTests.Transactions().Select(row => Convert.FromHexString((string)row[3])).ToList();
        var block = Block.Parse(BlockBytes);
        // A spread of mainnet transactions, including the coinbase.
        for (int i = 0; i < block.Transactions.Length; i += 50) txs.Add(block.Transactions[i].ToBytes());
        return txs;
    }

    // TryParse must not throw and must agree with Parse: on failure Parse throws ParseException (and nothing else).
    private static bool ParseTransaction(byte[] bytes)
    {
        if (Transaction.TryParse(bytes, out var tx, out var error))
        {
            error.IsError.Should().BeFalse();
            tx.Should().NotBeNull();
            return true;
        }
        error.IsError.Should().BeTrue();
        ExpectParseException(() => Transaction.Parse(bytes), error);
        return false;
    }

    private static bool ParseBlock(byte[] bytes)
    {
        if (Block.TryParse(bytes, out var block, out var error))
        {
            error.IsError.Should().BeFalse();
            block.Should().NotBeNull();
            return true;
        }
        error.IsError.Should().BeTrue();
        ExpectParseException(() => Block.Parse(bytes), error);
        return false;
    }

    private static void ExpectParseException(Action parse, ParseError expected)
    {
        try
        {
            parse();
        }
        catch (ParseException exception)
        {
            if (exception.Error != expected) throw new InvalidOperationException($"Parse reported {exception.Error}, TryParse {expected}");
            return;
        }
        throw new InvalidOperationException("Parse accepted what TryParse rejected");
    }

    [Fact]
    public void Random_bytes_never_make_the_parsers_throw()
    {
        var random = new Random(20240521);
        for (int i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            // Half the cases start like a real transaction/segwit transaction to get past the first fields.
            if (bytes.Length > 6 && i % 2 == 0) { bytes[0] = 1; bytes[1] = bytes[2] = bytes[3] = 0; bytes[4] = (byte)(i % 4 == 0 ? 0 : 1); bytes[5] = 1; }
            ParseTransaction(bytes);
            ParseBlock(bytes);
        }
    }

    [Fact]
    public void Every_truncation_of_real_transactions_is_rejected_without_throwing()
    {
        int cases = 0;
        foreach (var tx in RealTransactions())
        {
            for (int length = 0; length < tx.Length; length++)
            {
                var prefix = tx[..length];
                ParseTransaction(prefix).Should().BeFalse($"a {length}-byte prefix of a {tx.Length}-byte transaction is incomplete");
                cases++;
            }
        }
        cases.Should().BeGreaterThan(10_000);
    }

    [Fact]
    public void Every_bit_flip_of_real_transactions_never_throws()
    {
        int cases = 0;
        foreach (var tx in RealTransactions().Take(150))
        {
            for (int position = 0; position < tx.Length; position++)
            {
                var damaged = (byte[])tx.Clone();
                damaged[position] ^= (byte)(1 << (position % 8));
                ParseTransaction(damaged);
                cases++;
            }
        }
        cases.Should().BeGreaterThan(10_000);
    }

    [Fact]
    public void Truncations_and_bit_flips_of_the_real_block_never_throw()
    {
        var random = new Random(413567);
        for (int i = 0; i < 80; i++)
        {
            // Cuts near the start exercise headers and counts; random cuts exercise transactions.
            int length = i < 40 ? i : random.Next(0, BlockBytes.Length);
            var prefix = BlockBytes[..length];
            ParseBlock(prefix).Should().BeFalse();
        }
        for (int i = 0; i < 80; i++)
        {
            int position = i < 40 ? 80 + i : random.Next(0, BlockBytes.Length);
            var damaged = (byte[])BlockBytes.Clone();
            damaged[position] ^= (byte)(1 << random.Next(8));
            ParseBlock(damaged);
        }
    }
}
