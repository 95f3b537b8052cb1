using System.Text.Json.Nodes;
using Drivechain.Node.Grpc;
using Drivechain.Node.Grpc.Protos.Common.V1;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Drivechain.Node.Tests.Rpc;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Drivechain.Node.Tests.Grpc;

/// <summary>
/// An in-process regtest node (<see cref="RegtestScenario"/>: funded key, JSON-RPC) with a real Grpc.Net.Client channel to
/// its sidechain gRPC API, plus the drivechain steps the tests share (activate a slot, deposit, BMM request, bundle).
/// </summary>
public sealed class GrpcScenario : IAsyncDisposable
{
    private GrpcScenario(RegtestScenario node, GrpcChannel channel)
    {
        Node = node;
        Channel = channel;
        Validator = new ValidatorService.ValidatorServiceClient(channel);
    }

    public RegtestScenario Node { get; }
    public GrpcChannel Channel { get; }
    public ValidatorService.ValidatorServiceClient Validator { get; }
    public RpcTestClient Rpc => Node.Rpc;

    public static async Task<GrpcScenario> StartAsync(int blocks = 101, IDictionary<string, string?>? settings = null)
    {
        var node = await RegtestScenario.StartAsync(blocks, settings);
        var address = node.Node.Host.Services.GetRequiredService<GrpcServer>().Address
            ?? throw new InvalidOperationException("the gRPC API did not start");
        return new GrpcScenario(node, GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 << 20 }));
    }

    public static ReverseHex Hash(string displayHex) => new() { Hex = displayHex };

    public Task<JsonArray> Mine(int blocks) => Node.Mine(blocks);

    public Task<string> TipHash() => Node.TipHash();

    /// <summary>Proposes a sidechain in <paramref name="slot"/> (the miner ACKs it by default) and mines until it is active.</summary>
    public async Task ActivateSlot(int slot)
    {
        await Rpc.CallAsync("proposesidechain", slot, $"Slot {slot}", "a test sidechain");
        await Mine(7);
    }

    /// <summary>Sends an M5 deposit of <paramref name="amount"/> BTC to <paramref name="slot"/> from the coinbase at <paramref name="coinbaseHeight"/>.</summary>
    public async Task<string> Deposit(int slot, int coinbaseHeight, decimal amount, string addressHex = "616464")
    {
        var outputs = new JsonArray(
            new JsonObject { [$"treasury:{slot}"] = amount },
            new JsonObject { ["data"] = addressHex },
            new JsonObject { [RegtestScenario.Address] = 50m - amount - 0.001m });
        return (await Rpc.CallAsync("sendrawtransaction", await Node.SignedSpend(coinbaseHeight, outputs)))!.GetValue<string>();
    }

    /// <summary>Sends an M8 BMM request for <paramref name="slot"/> with h* <paramref name="hStarHex"/> (raw), bidding 0.001 BTC.</summary>
    public async Task<string> BmmRequest(int slot, int coinbaseHeight, string hStarHex)
    {
        var prev = Convert.ToHexStringLower(Bitcoin.Primitives.UInt256.Parse(await TipHash()).ToBytes());
        var outputs = new JsonArray(
            new JsonObject { ["data"] = "00bf00" + slot.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + hStarHex + prev },
            new JsonObject { [RegtestScenario.Address] = 50m - 0.001m });
        return (await Rpc.CallAsync("sendrawtransaction", await Node.SignedSpend(coinbaseHeight, outputs)))!.GetValue<string>();
    }

    /// <summary>A blinded M6 paying 1 BTC to a P2WPKH with a 0.0001 BTC fee.</summary>
    public const string BlindedBundle = "02000000" + "00" + "02" + "0000000000000000" + "0a6a080000000000002710"
        + "00e1f50500000000" + "160014" + "3333333333333333333333333333333333333333" + "00000000";

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Node.DisposeAsync();
    }
}
