using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Rpc;

namespace Drivechain.Node.Tests.Rpc;

public sealed class BlockchainRpcMethodsTests : IAsyncLifetime
{
    private RegtestScenario _s = null!;

    public async Task InitializeAsync() => _s = await RegtestScenario.StartAsync(blocks: 5);

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Getblockchaininfo_reports_regtest_and_the_tip()
    {
        var info = (await _s.Rpc.CallAsync("getblockchaininfo"))!.AsObject();

        info["chain"]!.GetValue<string>().Should().Be("regtest");
        info["blocks"]!.GetValue<int>().Should().Be(5);
        info["bestblockhash"]!.GetValue<string>().Should().Be(await _s.TipHash());
    }

    [Fact]
    public async Task Getblockhash_of_genesis_is_Core_regtest_genesis()
    {
        (await _s.Rpc.CallAsync("getblockhash", 0))!.GetValue<string>()
            .Should().Be("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206");
    }

    [Fact]
    public async Task Getblockhash_above_the_tip_is_out_of_range()
    {
        var (code, message) = await _s.Rpc.CallErrorAsync("getblockhash", 6);

        code.Should().Be(RpcErrorCode.InvalidParameter);
        message.Should().Be("Block height out of range");
    }

    [Fact]
    public async Task Getblockhash_with_a_string_height_is_a_type_error()
    {
        var (code, message) = await _s.Rpc.CallErrorAsync("getblockhash", "1");

        code.Should().Be(RpcErrorCode.TypeError);
        message.Should().Contain("JSON value of type string is not of expected type number");
    }

    [Fact]
    public async Task Getblock_of_an_unknown_hash_is_block_not_found()
    {
        var (code, message) = await _s.Rpc.CallErrorAsync("getblock", new string('1', 64));

        code.Should().Be(RpcErrorCode.InvalidAddressOrKey);
        message.Should().Be("Block not found");
    }

    [Fact]
    public async Task Getblock_with_a_short_hash_names_the_parameter()
    {
        var (code, message) = await _s.Rpc.CallErrorAsync("getblock", "abc");

        code.Should().Be(RpcErrorCode.InvalidParameter);
        message.Should().Be("blockhash must be of length 64 (not 3, for 'abc')");
    }

    [Fact]
    public async Task Getblock_verbosity_0_1_and_2_describe_the_same_block()
    {
        var hash = await _s.TipHash();

        var hex = (await _s.Rpc.CallAsync("getblock", hash, 0))!.GetValue<string>();
        var one = (await _s.Rpc.CallAsync("getblock", hash, 1))!.AsObject();
        var two = (await _s.Rpc.CallAsync("getblock", hash, 2))!.AsObject();

        Bitcoin.Primitives.Block.Parse(hex).Hash.ToString().Should().Be(hash);
        one["height"]!.GetValue<int>().Should().Be(5);
        one["confirmations"]!.GetValue<int>().Should().Be(1);
        one["tx"]![0]!.GetValue<string>().Should().Be(two["tx"]![0]!["txid"]!.GetValue<string>());
        two["tx"]![0]!["vout"]![0]!["value"]!.GetValue<decimal>().Should().Be(50m);
    }

    [Fact]
    public async Task Getblockheader_links_previous_and_next()
    {
        var hash1 = (await _s.Rpc.CallAsync("getblockhash", 1))!.GetValue<string>();
        var hash2 = (await _s.Rpc.CallAsync("getblockhash", 2))!.GetValue<string>();

        var header = (await _s.Rpc.CallAsync("getblockheader", hash1))!.AsObject();
        var raw = (await _s.Rpc.CallAsync("getblockheader", hash1, false))!.GetValue<string>();

        header["nextblockhash"]!.GetValue<string>().Should().Be(hash2);
        header["confirmations"]!.GetValue<int>().Should().Be(5);
        raw.Should().HaveLength(160);
        BlockHeader.Parse(Convert.FromHexString(raw)).Hash.ToString().Should().Be(hash1);
    }

    [Fact]
    public async Task Getrawtransaction_without_blockhash_only_searches_the_mempool()
    {
        var coinbase = await _s.CoinbaseTxId(1);

        var (code, message) = await _s.Rpc.CallErrorAsync("getrawtransaction", coinbase);
        var found = (await _s.Rpc.CallAsync("getrawtransaction", coinbase, true, (await _s.Rpc.CallAsync("getblockhash", 1))!.GetValue<string>()))!.AsObject();

        code.Should().Be(RpcErrorCode.InvalidAddressOrKey);
        message.Should().StartWith("No such mempool transaction.");
        found["in_active_chain"]!.GetValue<bool>().Should().BeTrue();
        found["txid"]!.GetValue<string>().Should().Be(coinbase);
        found["confirmations"]!.GetValue<int>().Should().Be(5);
    }

    [Fact]
    public async Task Gettxout_shows_an_unspent_coinbase_and_null_for_unknown_outputs()
    {
        var coinbase = await _s.CoinbaseTxId(2);

        var txout = (await _s.Rpc.CallAsync("gettxout", coinbase, 0))!.AsObject();
        var missing = await _s.Rpc.CallAsync("gettxout", coinbase, 7);

        txout["value"]!.GetValue<decimal>().Should().Be(50m);
        txout["coinbase"]!.GetValue<bool>().Should().BeTrue();
        txout["confirmations"]!.GetValue<int>().Should().Be(4);
        txout["scriptPubKey"]!["address"]!.GetValue<string>().Should().Be(RegtestScenario.Address);
        missing.Should().BeNull();
    }

    [Theory]
    [InlineData(2147483648L, RpcErrorCode.TypeError, "JSON integer out of range")]
    [InlineData(4294967296L, RpcErrorCode.TypeError, "JSON integer out of range")]
    [InlineData(-1L, RpcErrorCode.InvalidParameter, "Invalid parameter, vout cannot be negative")]
    public async Task Gettxout_with_a_vout_outside_int_range_or_negative_is_Cores_error(long vout, int code, string message)
    {
        var coinbase = await _s.CoinbaseTxId(2);

        var call = () => _s.Rpc.CallAsync("gettxout", coinbase, vout);

        var error = (await call.Should().ThrowAsync<RpcCallException>()).Which;
        error.Code.Should().Be(code);
        error.RpcMessage.Should().Be(message);
    }

    [Fact]
    public async Task Invalidateblock_and_reconsiderblock_move_the_tip_back_and_forth()
    {
        var tip = await _s.TipHash();
        var hash4 = (await _s.Rpc.CallAsync("getblockhash", 4))!.GetValue<string>();

        await _s.Rpc.CallAsync("invalidateblock", hash4);
        var heightAfterInvalidate = (await _s.Rpc.CallAsync("getblockcount"))!.GetValue<int>();
        var tips = (await _s.Rpc.CallAsync("getchaintips"))!.AsArray();
        await _s.Rpc.CallAsync("reconsiderblock", hash4);

        heightAfterInvalidate.Should().Be(3);
        tips.Should().Contain(t => t!["hash"]!.GetValue<string>() == tip && t["status"]!.GetValue<string>() == "invalid");
        (await _s.TipHash()).Should().Be(tip);
    }

    [Fact]
    public async Task Submitblock_reports_decode_failures_duplicates_and_rejections_as_Core()
    {
        var tipHex = (await _s.Rpc.CallAsync("getblock", await _s.TipHash(), 0))!.GetValue<string>();
        var tipBlock = Bitcoin.Primitives.Block.Parse(tipHex);
        var badMerkle = new Bitcoin.Primitives.Block(
            new BlockHeader(tipBlock.Header.Version, tipBlock.Header.PreviousBlockHash, UInt256.Zero, tipBlock.Header.Time, tipBlock.Header.Bits, tipBlock.Header.Nonce),
            tipBlock.Transactions);

        var (code, message) = await _s.Rpc.CallErrorAsync("submitblock", "00");
        var duplicate = await _s.Rpc.CallAsync("submitblock", tipHex);
        var rejected = await _s.Rpc.CallAsync("submitblock", badMerkle.ToHex());

        code.Should().Be(RpcErrorCode.DeserializationError);
        message.Should().Be("Block decode failed");
        duplicate!.GetValue<string>().Should().Be("duplicate");
        rejected!.GetValue<string>().Should().BeOneOf("bad-txnmrklroot", "high-hash");
    }

    [Fact]
    public async Task Submitblock_accepts_a_block_built_from_getblocktemplate_data()
    {
        var unsubmitted = (await _s.Rpc.CallAsync("generateblock", RegtestScenario.Address, new JsonArray(), false))!.AsObject();

        var result = await _s.Rpc.CallAsync("submitblock", unsubmitted["hex"]!.GetValue<string>());

        result.Should().BeNull();
        (await _s.TipHash()).Should().Be(unsubmitted["hash"]!.GetValue<string>());
    }
}
