using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.P2P.CompactBlocks;
using Drivechain.Node.P2P.Messages;
using Drivechain.Testing.Consensus;

namespace Drivechain.Node.Tests.P2P.CompactBlocks;

/// <summary>BIP152 pieces without a network: SipHash-2-4 and short ids, the four message codecs, and block reconstruction.</summary>
public sealed class CompactBlockTests
{
    private const ulong K0 = 0x0706050403020100UL;
    private const ulong K1 = 0x0F0E0D0C0B0A0908UL;

    [Theory]
    [InlineData(0, 0x726fdb47dd0e0e31UL)]
    [InlineData(1, 0x74f839c593dc67fdUL)]
    [InlineData(7, 0xab0200f58b01d137UL)]
    [InlineData(8, 0x93f5f5799a932462UL)]
    [InlineData(15, 0xa129ca6149be45e5UL)]
    [InlineData(32, 0x7127512f72f27cceUL)]
    [InlineData(63, 0x958a324ceb064572UL)]
    public void SipHash24_matches_the_reference_vectors_of_the_siphash_paper(int length, ulong expected)
    {
        var input = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        SipHash24.Hash(K0, K1, input).Should().Be(expected);
    }

    [Fact]
    public void A_short_id_is_the_low_48_bits_of_siphash_over_the_wtxid_as_core_hashes_a_uint256()
    {
        // Core's hash_tests: SipHashUint256(k0, k1, uint256 with bytes 00..1f) == 0x7127512f72f27cce.
        var wtxid = new UInt256(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        new ShortIdKey(K0, K1).ShortId(wtxid).Should().Be(0x512f72f27cceUL);
    }

    [Fact]
    public void The_short_id_key_is_the_first_two_words_of_sha256_over_header_and_nonce()
    {
        var header = SampleBlock(3).Header;
        var preimage = header.ToBytes().Concat(BitConverter.GetBytes(0x1122334455667788UL)).ToArray();
        var digest = System.Security.Cryptography.SHA256.HashData(preimage);
        ShortIdKey.For(header, 0x1122334455667788UL).Should().Be(new ShortIdKey(BitConverter.ToUInt64(digest, 0), BitConverter.ToUInt64(digest, 8)));
        ShortIdKey.For(header, 1).Should().NotBe(ShortIdKey.For(header, 2));
    }

    [Fact]
    public void A_compact_block_round_trips_with_differentially_encoded_prefilled_indexes()
    {
        var block = SampleBlock(6);
        var compact = new CompactBlock(block.Header, 99, [11, 0xffff_ffff_ffffUL, 13],
            [new PrefilledTransaction(0, block.Transactions[0]), new PrefilledTransaction(2, block.Transactions[2]), new PrefilledTransaction(5, block.Transactions[5])]);
        var bytes = compact.ToBytes();

        CompactBlock.TryParse(bytes, out var parsed).Should().BeTrue();
        parsed!.Header.Hash.Should().Be(block.Hash);
        parsed.Nonce.Should().Be(99);
        parsed.ShortIds.Should().Equal(11UL, 0xffff_ffff_ffffUL, 13UL);
        parsed.Prefilled.Select(p => p.Index).Should().Equal(0, 2, 5);
        parsed.Prefilled.Select(p => p.Transaction.WTxId).Should().Equal(block.Transactions[0].WTxId, block.Transactions[2].WTxId, block.Transactions[5].WTxId);
        // Wire: after header and nonce, 3 ids of 6 bytes, then 3 prefilled with index deltas 0, 1, 2.
        bytes[88].Should().Be(3);
        bytes.AsSpan(89, 6).ToArray().Should().Equal(11, 0, 0, 0, 0, 0);
        bytes[89 + 18].Should().Be(3);
        bytes[89 + 19].Should().Be(0);
        CompactBlock.TryParse(bytes.AsMemory(0, bytes.Length - 1), out _).Should().BeFalse();
        CompactBlock.TryParse(bytes.Append((byte)0).ToArray(), out _).Should().BeFalse();
    }

    [Fact]
    public void Getblocktxn_encodes_indexes_as_differences_and_refuses_indexes_past_16_bits()
    {
        var hash = SampleBlock(1).Hash;
        var request = new BlockTransactionsRequest(hash, [1, 3, 4, 300]);
        var bytes = request.ToBytes();
        bytes.AsSpan(32).ToArray().Should().Equal(4, 1, 1, 0, 0xfd, 0x27, 0x01);   // deltas 1, 1, 0, 295
        BlockTransactionsRequest.TryParse(bytes, out var parsed).Should().BeTrue();
        parsed!.BlockHash.Should().Be(hash);
        parsed.Indexes.Should().Equal(1, 3, 4, 300);

        BlockTransactionsRequest.TryParse(new BlockTransactionsRequest(hash, [65_535]).ToBytes(), out _).Should().BeTrue();
        BlockTransactionsRequest.TryParse(new BlockTransactionsRequest(hash, [65_535, 65_536]).ToBytes(), out _).Should().BeFalse();
    }

    [Fact]
    public void Blocktxn_and_sendcmpct_round_trip()
    {
        var block = SampleBlock(3);
        var message = new BlockTransactions(block.Hash, [block.Transactions[1], block.Transactions[2]]);
        BlockTransactions.TryParse(message.ToBytes(), out var parsed).Should().BeTrue();
        parsed!.Transactions.Select(t => t.WTxId).Should().Equal(block.Transactions[1].WTxId, block.Transactions[2].WTxId);

        new SendCompact(false, 2).ToBytes().Should().Equal(0, 2, 0, 0, 0, 0, 0, 0, 0);
        SendCompact.TryParse([1, 2, 0, 0, 0, 0, 0, 0, 0], out var send).Should().BeTrue();
        send.Should().Be(new SendCompact(true, 2));
        SendCompact.TryParse([1, 2, 0, 0, 0, 0, 0, 0], out _).Should().BeFalse();
    }

    [Fact]
    public void A_block_is_rebuilt_from_the_mempool_and_the_missing_transactions()
    {
        var block = SampleBlock(5);
        var compact = CompactBlock.FromBlock(block, 7);
        var mempool = new[] { block.Transactions[4], Ordinary(900), block.Transactions[1], block.Transactions[2] };

        PartiallyDownloadedBlock.TryCreate(compact, mempool, out var partial).Should().Be(ReadStatus.Ok);
        partial!.FromCandidates.Should().Be(3);
        partial.MissingIndexes.Should().Equal(3);
        partial.Fill([block.Transactions[3]], checkWitnessRoot: true, out var rebuilt).Should().Be(ReadStatus.Ok);
        rebuilt!.ToBytes().Should().Equal(block.ToBytes());
    }

    [Fact]
    public void A_wrong_or_miscounted_answer_fails_or_is_invalid()
    {
        var block = SampleBlock(3);
        PartiallyDownloadedBlock.TryCreate(CompactBlock.FromBlock(block, 7), [], out var partial).Should().Be(ReadStatus.Ok);
        partial!.MissingIndexes.Should().Equal(1, 2);
        partial.Fill([block.Transactions[1]], true, out _).Should().Be(ReadStatus.Invalid);
        partial.Fill([block.Transactions[1], Ordinary(901)], true, out var wrong).Should().Be(ReadStatus.Failed, "the merkle root does not match: fetch the full block");
        wrong.Should().BeNull();
    }

    [Fact]
    public void The_same_short_id_twice_fails_and_prefilled_indexes_past_the_end_or_repeated_are_invalid()
    {
        var block = SampleBlock(3);
        var coinbase = new PrefilledTransaction(0, block.Transactions[0]);
        PartiallyDownloadedBlock.TryCreate(new CompactBlock(block.Header, 1, [5, 5], [coinbase]), [], out _).Should().Be(ReadStatus.Failed);
        PartiallyDownloadedBlock.TryCreate(new CompactBlock(block.Header, 1, [], [coinbase, new PrefilledTransaction(2, block.Transactions[2])]), [], out _)
            .Should().Be(ReadStatus.Invalid);
        PartiallyDownloadedBlock.TryCreate(new CompactBlock(block.Header, 1, [], []), [], out _).Should().Be(ReadStatus.Invalid);
        PartiallyDownloadedBlock.TryCreate(new CompactBlock(block.Header, 1, [5], [coinbase, coinbase]), [], out _).Should().Be(ReadStatus.Invalid);
    }

    private static Transaction Ordinary(ulong seed) => DrivechainTransactions.Ordinary(DrivechainTransactions.Funding(seed));

    /// <summary>A block of a coinbase and <paramref name="count"/> − 1 ordinary transactions.</summary>
    private static Block SampleBlock(int count)
    {
        var builder = new DrivechainBlockBuilder(UInt256.Zero, 1);
        for (var i = 1; i < count; i++) builder.WithTransaction(Ordinary((ulong)i));
        return builder.Build();
    }
}
