using System.Text;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Node.Chain;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mempool;
using Drivechain.Node.Mining;
using Drivechain.Node.Rpc;
using Drivechain.Node.Rpc.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Drivechain.Node.Tests;

/// <summary>
/// The node's real service registrations on an in-memory regtest chain, without a host or sockets: the mempool, block
/// assembler, miner and RPC methods called directly.
/// </summary>
public sealed class InMemoryNode : IDisposable
{
    public InMemoryNode(ChainManagerOptions? chainOptions = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["regtest"] = "true",
            ["datadir"] = Path.GetTempPath(),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDrivechainNode(configuration);
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime, Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>();
        Services = services.BuildServiceProvider();
        Node = Services.GetRequiredService<NodeChain>();
        Node.Attach(ChainManager.CreateInMemory(Network.Regtest, Node.Params, Node.Secp, chainOptions));
    }

    private static readonly byte[] Secret = Convert.FromHexString("0707070707070707070707070707070707070707070707070707070707070707");

    /// <summary>OP_TRUE: anyone can spend what the tests mine to it.</summary>
    public static Script AnyoneCanSpend { get; } = new(new[] { (byte)OpcodeType.OP_1 });

    /// <summary>A P2WPKH output of the test key (standard to spend, signed by <see cref="Spend"/>).</summary>
    public Script Wallet => Address.PayToWitness(0, Hashes.Hash160(Node.Secp.GetPublicKey(Secret, compressed: true)).ToBytes(), Network.Regtest).ScriptPubKey;

    /// <summary>Mines <paramref name="count"/> blocks paying <see cref="Wallet"/>; their coinbase transactions.</summary>
    public List<Transaction> MineToWallet(int count) =>
        Enumerable.Range(0, count).Select(_ => Miner.MineOne(Wallet, 1_000_000)!.Transactions[0]).ToList();

    /// <summary>A signed transaction spending output 0 of <paramref name="parent"/> (paying <see cref="Wallet"/>) with <paramref name="fee"/>.</summary>
    public Transaction Spend(Transaction parent, long fee, uint vout = 0)
    {
        var spent = parent.Outputs[(int)vout];
        var unsigned = new Transaction(2, [new TxIn(new OutPoint(parent.TxId, vout), Script.Empty, 0xfffffffd)],
            [new TxOut(new Money(spent.Value.Satoshis - fee), Wallet)], 0);
        return new TransactionSigner(Node.Secp).Sign(unsigned, [spent], [(Secret, true)], [], 1).Transaction;
    }

    public ServiceProvider Services { get; }
    public NodeChain Node { get; }
    public ChainManager Chain => Node.Chain;
    public NodeMempool Mempool => Services.GetRequiredService<NodeMempool>();
    public BlockAssembler Assembler => Services.GetRequiredService<BlockAssembler>();
    public BlockMiner Miner => Services.GetRequiredService<BlockMiner>();

    /// <summary>Mines <paramref name="count"/> blocks paying <see cref="AnyoneCanSpend"/>.</summary>
    public void Mine(int count)
    {
        for (var i = 0; i < count; i++) Miner.MineOne(AnyoneCanSpend, 1_000_000);
    }

    /// <summary>One JSON-RPC call through the node's dispatcher; the reply's "result" or "error".</summary>
    public async Task<JsonObject> RpcAsync(string method, params JsonNode?[] parameters)
    {
        var request = new JsonObject { ["jsonrpc"] = "1.0", ["id"] = 1, ["method"] = method, ["params"] = new JsonArray(parameters) };
        var reply = await Services.GetRequiredService<RpcDispatcher>().DispatchAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), CancellationToken.None);
        return JsonNode.Parse(reply.Body!)!.AsObject();
    }

    public void Dispose() => Services.Dispose();
}
