using System.Text;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;
using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.Consensus;

namespace Drivechain.Sidecar.Tests;

/// <summary>
/// Mines drivechain blocks on a real, unmodified Bitcoin Core: <c>generateblock raw(script)</c> puts one coinbase message
/// in the coinbase (Core pays the subsidy to it), plain blocks pay to OP_TRUE so their coinbases can fund deposits.
/// </summary>
internal sealed class CoreMiner(BitcoindProcess core)
{
    /// <summary>The script plain blocks pay to: spendable with an empty scriptSig.</summary>
    public const string OpTrue = "raw(51)";

    /// <summary>The sidechain description the lifecycle proposes.</summary>
    public static readonly byte[] Description = Encoding.ASCII.GetBytes("sidecar test sidechain");

    public BitcoindProcess Core => core;

    /// <summary>Mines <paramref name="blocks"/> plain blocks paying to OP_TRUE; their hashes.</summary>
    public async Task<string[]> MinePlainAsync(int blocks)
    {
        var result = await core.CallAsync("generatetodescriptor", blocks, OpTrue);
        return [.. result.EnumerateArray().Select(e => e.GetString()!)];
    }

    /// <summary>Mines one block whose coinbase pays to <paramref name="coinbaseScript"/> and holds <paramref name="transactions"/>.</summary>
    public async Task<string> MineAsync(Script coinbaseScript, params Transaction[] transactions)
    {
        var result = await core.CallAsync("generateblock", $"raw({coinbaseScript.ToHex()})", transactions.Select(t => t.ToHex()).ToArray());
        return result.GetProperty("hash").GetString()!;
    }

    /// <summary>A block with an M1 proposing slot <paramref name="slot"/> with <see cref="Description"/>.</summary>
    public Task<string> MineM1Async(byte slot) => MineAsync(new M1ProposeSidechain(slot, [.. Description]).ToScript());

    /// <summary>A block with an M2 acknowledging that proposal.</summary>
    public Task<string> MineM2Async(byte slot) => MineAsync(new M2AckSidechain(slot, Hashes.Sha256d(Description)).ToScript());

    /// <summary>
    /// Proposes slot <paramref name="slot"/> and acknowledges it until it activates on regtest's SHORT thresholds
    /// (more than 5 ACKs within 10 blocks): one M1 block, six M2 blocks.
    /// </summary>
    public async Task ActivateSidechainAsync(byte slot)
    {
        await MineM1Async(slot);
        for (var i = 0; i <= DrivechainParams.Short.UnusedSlotActivationThreshold; i++) await MineM2Async(slot);
    }

    /// <summary>A deposit (M5) to <paramref name="slot"/> funded by the OP_TRUE coinbase of block <paramref name="fundingHeight"/>.</summary>
    public async Task<Transaction> DepositTransactionAsync(byte slot, int fundingHeight, Money amount)
    {
        var hash = (await core.CallAsync("getblockhash", fundingHeight)).GetString()!;
        var coinbase = (await core.CallAsync("getblock", hash, 1)).GetProperty("tx")[0].GetString()!;
        return DrivechainTransactions.Deposit(slot, null, amount, "sidecar-deposit"u8, new OutPoint(UInt256.Parse(coinbase), 0));
    }

    /// <summary>
    /// The drivechain state of Core's active chain by our validator alone (every block fetched raw and connected in order);
    /// fails if a block is rejected.
    /// </summary>
    public async Task<(int Height, string Hash, UInt256 Digest)> ReplayActiveChainAsync()
    {
        var validator = new DrivechainValidator(DrivechainParams.ForNetwork("regtest"));
        var state = DrivechainState.Empty;
        var height = await core.GetBlockCountAsync();
        var hash = "";
        for (var h = 1; h <= height; h++)
        {
            hash = (await core.CallAsync("getblockhash", h)).GetString()!;
            var block = Block.Parse((await core.CallAsync("getblock", hash, 0)).GetString()!);
            var accepted = validator.Connect(state, block, h).Should().BeOfType<ConnectOutcome.Accepted>($"block {h} of Core's chain").Subject;
            state = accepted.State;
        }
        return (height, hash, state.ComputeDigest());
    }
}
