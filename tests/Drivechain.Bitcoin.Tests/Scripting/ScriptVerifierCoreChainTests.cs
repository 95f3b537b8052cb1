using Drivechain.Bitcoin.Tests.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Testing.Vectors;

namespace Drivechain.Bitcoin.Tests.Scripting;

/// <summary>Every input of the regtest chains mined by Bitcoin Core (vectors/core/*.json) verifies; corrupted blocks fail.</summary>
public class ScriptVerifierCoreChainTests
{
    private const ScriptVerifyFlags Flags = ScriptVerifyFlags.P2SH | ScriptVerifyFlags.DerSig | ScriptVerifyFlags.NullDummy |
        ScriptVerifyFlags.CheckLockTimeVerify | ScriptVerifyFlags.CheckSequenceVerify | ScriptVerifyFlags.Witness | ScriptVerifyFlags.Taproot;

    [Fact]
    public void The_flags_used_are_the_consensus_set() => Flags.Should().Be(ScriptVerifyFlagSets.Consensus);

    private static readonly string[] Files = ["core-wallet-chain-public.json", "core-sig-heavy-public.json"];

    private sealed record Chain(Block[] Blocks, string[] Expect, Dictionary<OutPoint, TxOut> Coins);

    private static readonly Dictionary<string, Lazy<Chain>> Chains = Files.ToDictionary(f => f, f => new Lazy<Chain>(() => Load(f)));

    private static Chain Load(string file)
    {
        var blocks = new List<Block>();
        var expect = new List<string>();
        var coins = new Dictionary<OutPoint, TxOut>();
        foreach (var b in DrivechainVectors.Read(VectorPaths.File("core", file)).Blocks)
        {
            var block = Block.Parse(b.Bytes);
            blocks.Add(block);
            expect.Add(b.ExpectAccept ? "accept" : "reject");
            foreach (var tx in block.Transactions)
                for (int i = 0; i < tx.Outputs.Length; i++)
                    coins[new OutPoint(tx.TxId, (uint)i)] = tx.Outputs[i];
        }
        return new Chain([.. blocks], [.. expect], coins);
    }

    public static TheoryData<string, int, string> BlockRows()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in Files)
        {
            var chain = Chains[file].Value;
            for (int i = 0; i < chain.Blocks.Length; i++)
                foreach (var backend in Secp256k1Backends.Names)
                    data.Add(file, i, backend);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BlockRows))]
    public void Accepted_blocks_verify_every_input_and_rejected_blocks_fail_one(string file, int blockIndex, string backend)
    {
        var chain = Chains[file].Value;
        var block = chain.Blocks[blockIndex];
        var secp = Secp256k1Backends.Get(backend);
        int inputs = 0;
        var failures = new List<string>();
        foreach (var tx in block.Transactions.Where(t => !t.IsCoinbase))
        {
            var spent = tx.Inputs.Select(i => chain.Coins[i.PrevOut]).ToArray();
            var data = new PrecomputedTransactionData(tx, spent);
            for (int i = 0; i < tx.Inputs.Length; i++)
            {
                inputs++;
                if (!ScriptVerifier.VerifyInput(data, i, Flags, secp, out var error))
                    failures.Add($"{tx.TxId}:{i} {error.ToCoreName()}");
            }
        }

        if (chain.Expect[blockIndex] == "reject")
            failures.Should().NotBeEmpty("a corrupted block must fail script verification");
        else
            failures.Should().BeEmpty($"all {inputs} inputs verify");
    }

    public static TheoryData<string, int> AcceptedBlockRows()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Files)
        {
            var chain = Chains[file].Value;
            for (int i = 0; i < chain.Blocks.Length; i++)
                if (chain.Expect[i] == "accept") data.Add(file, i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AcceptedBlockRows))]
    public void Wallet_transactions_also_pass_the_standard_policy_flags(string file, int blockIndex)
    {
        var chain = Chains[file].Value;
        var secp = Secp256k1Backends.Preferred;
        foreach (var tx in chain.Blocks[blockIndex].Transactions.Where(t => !t.IsCoinbase))
        {
            var data = new PrecomputedTransactionData(tx, tx.Inputs.Select(i => chain.Coins[i.PrevOut]).ToArray());
            for (int i = 0; i < tx.Inputs.Length; i++)
                ScriptVerifier.VerifyInput(data, i, ScriptVerifyFlagSets.Standard, secp, out var error).Should().BeTrue($"{tx.TxId}:{i} {error.ToCoreName()}");
        }
    }

    [Fact]
    public void The_chains_contain_taproot_key_path_spends()
    {
        var chain = Chains[Files[0]].Value;
        int taprootInputs = chain.Blocks.SelectMany(b => b.Transactions).Where(t => !t.IsCoinbase)
            .SelectMany(t => t.Inputs).Count(i => ScriptPatterns.IsWitnessProgram(chain.Coins[i.PrevOut].ScriptPubKey.Span, out int v, out var p) && v == 1 && p.Length == 32);
        taprootInputs.Should().BeGreaterThan(0);
    }
}
