using System.Collections.Immutable;
using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Node;
using Drivechain.Node.Chain;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mempool;
using Drivechain.Node.Mining;
using Drivechain.Node.Rpc.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Drivechain.Benchmarks.Node;

/// <summary>
/// A regtest node built from the real service registrations on an in-memory chain, with <c>count</c> confirmed
/// P2WPKH coins of one key and one signed spend per coin (fees vary so templates have to sort).
/// </summary>
internal sealed class RegtestNodeSetup : IDisposable
{
    private static readonly byte[] Secret = Convert.FromHexString("0404040404040404040404040404040404040404040404040404040404040404");

    public RegtestNodeSetup(int count)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["regtest"] = "true",
            ["datadir"] = Path.GetTempPath(),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDrivechainNode(configuration);
        Services = services.BuildServiceProvider();
        Node = Services.GetRequiredService<NodeChain>();
        Node.Attach(ChainManager.CreateInMemory(Network.Regtest, Node.Params, Node.Secp));
        Miner = Services.GetRequiredService<BlockMiner>();
        Assembler = Services.GetRequiredService<BlockAssembler>();

        var key = Node.Secp.GetPublicKey(Secret, compressed: true);
        PayTo = Address.PayToWitness(0, Hashes.Hash160(key).ToBytes(), Network.Regtest).ScriptPubKey;
        var coinbases = new List<Transaction>();
        var splits = (count + 999) / 1000;
        for (var i = 0; i < splits + 100; i++) coinbases.Add(Miner.MineOne(PayTo, 1_000_000)!.Transactions[0]);

        // Split coinbases into 1000-output transactions (consensus-valid, mined with generateblock semantics).
        var coins = new List<(OutPoint OutPoint, TxOut Output)>();
        var signer = new TransactionSigner(Node.Secp);
        var splitTxs = new List<Transaction>();
        for (var s = 0; s < splits; s++)
        {
            var outputs = Enumerable.Range(0, 1000).Select(_ => new TxOut(new Money(4_990_000), PayTo)).ToImmutableArray();
            var unsigned = new Transaction(2, [new TxIn(new OutPoint(coinbases[s].TxId, 0), Script.Empty)], outputs, 0);
            var signed = signer.Sign(unsigned, [coinbases[s].Outputs[0]], [(Secret, true)], [], 1).Transaction;
            splitTxs.Add(signed);
            for (uint o = 0; o < 1000; o++) coins.Add((new OutPoint(signed.TxId, o), signed.Outputs[(int)o]));
        }
        Miner.MineOne(PayTo, 1_000_000, splitTxs);

        Spends = coins.Take(count).Select((coin, i) =>
        {
            var fee = 200 + (i * 7919 % 5000);
            var unsigned = new Transaction(2, [new TxIn(coin.OutPoint, Script.Empty)], [new TxOut(new Money(coin.Output.Value.Satoshis - fee), PayTo)], 0);
            return signer.Sign(unsigned, [coin.Output], [(Secret, true)], [], 1).Transaction;
        }).ToList();
    }

    public ServiceProvider Services { get; }
    public NodeChain Node { get; }
    public BlockMiner Miner { get; }
    public BlockAssembler Assembler { get; }
    public Script PayTo { get; }
    public IReadOnlyList<Transaction> Spends { get; }

    public NodeMempool NewMempool() => new(Node, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<NodeMempool>.Instance);

    public void Dispose() => Services.Dispose();
}
