using System.Text.Json.Nodes;
using Drivechain.Node.Rpc;

namespace Drivechain.Node.Tests.Rpc;

public sealed class DrivechainRpcMethodsTests : IAsyncLifetime
{
    private const string SpecM6Hex =
        "0200000001" + "1111111111111111111111111111111111111111111111111111111111111111" + "00000000" + "00" + "ffffffff"
        + "02" + "70f62b0400000000" + "04b4010151" + "80c3c90100000000" + "160014" + "2222222222222222222222222222222222222222" + "00000000";

    private RegtestScenario _s = null!;

    public async Task InitializeAsync() => _s = await RegtestScenario.StartAsync(blocks: 101);

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private async Task ActivateSlot(int slot)
    {
        await _s.Rpc.CallAsync("proposesidechain", slot, $"Slot {slot}");
        await _s.Mine(7);
    }

    private static JsonArray Deposit(int slot, decimal amount, decimal change) => new(
        new JsonObject { [$"treasury:{slot}"] = amount },
        new JsonObject { ["data"] = "616464" },
        new JsonObject { [RegtestScenario.Address] = change });

    [Fact]
    public async Task Computem6id_reproduces_the_spec_example()
    {
        var result = (await _s.Rpc.CallAsync("computem6id", SpecM6Hex, 1m))!.AsObject();

        result["m6id"]!.GetValue<string>().Should().Be("0b08fdb6369c73077b50a2a1d5dbe59661d40249cb3c92f8e3139246764e56f3");
        result["fee_total"]!.GetValue<decimal>().Should().Be(0.0001m);
        var blinded = (await _s.Rpc.CallAsync("computem6id", result["blinded"]!.GetValue<string>()))!.AsObject();
        blinded["m6id"]!.GetValue<string>().Should().Be(result["m6id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Computem6id_of_an_m6_needs_the_ctip_value()
    {
        var (code, _) = await _s.Rpc.CallErrorAsync("computem6id", SpecM6Hex);

        code.Should().Be(RpcErrorCode.InvalidParameter);
    }

    [Theory]
    [InlineData("6a25d6e1c5df01ec846cd97d09889277b81aabaa96f18d65ed302cda49ca0818d6994e914d1380", "M2")]
    [InlineData("6a05d77d177603", "M4")]
    [InlineData("6a25d16173680133ffcb1aaa0de9c470fa19e3cf75671d4b61720c6884e97bde6ac0b40613c8e2", "M7")]
    [InlineData("b4010151", "treasury")]
    [InlineData("6a1073696465636861696e2d616464722d31", "deposit_address")]
    [InlineData("0014751e76e8199196d454941c45d1b3a323f1433bd6", "none")]
    public async Task Decodedrivechainmessage_recognises_the_spec_examples(string script, string type)
    {
        var decoded = (await _s.Rpc.CallAsync("decodedrivechainmessage", script))!.AsObject();

        decoded["type"]!.GetValue<string>().Should().Be(type);
    }

    [Fact]
    public async Task Decoded_M2_shows_the_description_hash_in_display_order()
    {
        var decoded = (await _s.Rpc.CallAsync("decodedrivechainmessage", "6a25d6e1c5df01ec846cd97d09889277b81aabaa96f18d65ed302cda49ca0818d6994e914d1380"))!.AsObject();

        decoded["slot"]!.GetValue<int>().Should().Be(1);
        decoded["description_hash"]!.GetValue<string>().Should().Be("80134d914e99d61808ca49da2c30ed658df196aaab1ab8779288097dd96c84ec");
    }

    [Fact]
    public async Task A_second_independent_treasury_move_for_a_slot_is_refused_while_one_is_pending()
    {
        await ActivateSlot(2);
        await _s.Rpc.CallAsync("sendrawtransaction", await _s.SignedSpend(1, Deposit(2, 1m, 48.999m)));

        var (code, message) = await _s.Rpc.CallErrorAsync("sendrawtransaction", await _s.SignedSpend(2, Deposit(2, 2m, 47.999m)));

        code.Should().Be(RpcErrorCode.VerifyRejected);
        message.Should().StartWith("treasury-slot-pending");
    }

    [Fact]
    public async Task Deposit_without_an_address_output_is_rejected_with_M5_MISSING_ADDRESS()
    {
        await ActivateSlot(2);
        var outputs = new JsonArray(new JsonObject { ["treasury:2"] = 1m }, new JsonObject { [RegtestScenario.Address] = 48.999m });

        var (code, message) = await _s.Rpc.CallErrorAsync("sendrawtransaction", await _s.SignedSpend(1, outputs));

        code.Should().Be(RpcErrorCode.VerifyRejected);
        message.Should().StartWith("M5_MISSING_ADDRESS");
    }

    [Fact]
    public async Task Bundles_cannot_be_received_for_a_slot_without_a_treasury()
    {
        await ActivateSlot(4);
        var blinded = "02000000" + "00" + "02" + "0000000000000000" + "0a6a080000000000002710" + "00e1f50500000000" + "160014" + new string('3', 40) + "00000000";

        var (code, message) = await _s.Rpc.CallErrorAsync("receivewithdrawalbundle", 4, blinded);

        code.Should().Be(RpcErrorCode.InvalidParameter);
        message.Should().Be("slot 4 has no treasury (CTIP) yet");
    }

    [Fact]
    public async Task Abstaining_keeps_a_bundle_at_its_initial_ack()
    {
        await ActivateSlot(5);
        await _s.Rpc.CallAsync("sendrawtransaction", await _s.SignedSpend(1, Deposit(5, 5m, 44.999m)));
        await _s.Mine(1);
        var blinded = "02000000" + "00" + "02" + "0000000000000000" + "0a6a080000000000002710" + "00e1f50500000000" + "160014" + new string('3', 40) + "00000000";
        var m6id = (await _s.Rpc.CallAsync("receivewithdrawalbundle", 5, blinded))!["m6id"]!.GetValue<string>();
        await _s.Rpc.CallAsync("setbundlevote", 5, "abstain");

        await _s.Mine(3);
        var bundles = (await _s.Rpc.CallAsync("listwithdrawalbundles", 5))!.AsArray();

        var bundle = bundles.Should().ContainSingle().Subject!;
        bundle["m6id"]!.GetValue<string>().Should().Be(m6id);
        bundle["acks"]!.GetValue<int>().Should().Be(1);
        bundle["approved"]!.GetValue<bool>().Should().BeFalse();
        bundle["blocks_remaining"]!.GetValue<int>().Should().Be(8);
    }

    [Fact]
    public async Task Unknown_slot_values_are_invalid_parameters()
    {
        var (code, message) = await _s.Rpc.CallErrorAsync("getctip", 300);

        code.Should().Be(RpcErrorCode.InvalidParameter);
        message.Should().Be("slot must be between 0 and 255");
        (await _s.Rpc.CallAsync("getctip", 1)).Should().BeNull();
    }
}
