using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Validation;

public static partial class BlockValidation
{
    // Core's IsBIP30Repeat: the two mainnet blocks whose coinbases duplicate earlier ones.
    private static readonly UInt256 Bip30Repeat91842 = UInt256.Parse("00000000000a4d0a398161ffc163c503763b1f4360639393e0e4c8e300e0caec");
    private static readonly UInt256 Bip30Repeat91880 = UInt256.Parse("00000000000743f190a18c5577a3c2d2a1f610ae9601ac046a38084ccb7cd721");

    /// <summary>
    /// Core's ConnectBlock for a block at <paramref name="height"/> that already passed <see cref="CheckBlock"/> and
    /// <see cref="ContextualCheckBlock"/>. <paramref name="view"/> holds the coins as of the parent (it is only read);
    /// <paramref name="history"/> gives the parent chain's median times and hashes. Checks, in Core's order: BIP30
    /// (unless exempt), then per transaction its inputs (present and unspent, including outputs of earlier transactions
    /// of the block), coinbase maturity, value ranges, inputs ≥ outputs, accumulated fees, BIP68 sequence locks (from
    /// CSV activation) and the running sigop cost; then the coinbase amount against subsidy + fees; then every input
    /// script with the flags of <see cref="BlockScriptFlags.Get"/> (per <paramref name="mode"/>; the failure of the
    /// earliest input in block order is reported). The genesis block connects with an empty delta. Scripts of transactions
    /// in <paramref name="scriptCache"/> are not run again.
    /// </summary>
    public static ConnectBlockResult ConnectBlock(Block block, int height, ICoinView view, IChainHistory history, Network network,
        ISecp256k1 secp, ScriptCheckMode mode = ScriptCheckMode.Parallel, IScriptExecutionCache? scriptCache = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(secp);
        if (block.Hash == network.GenesisHash) return new ConnectBlockResult.Accepted(CoinsDelta.Empty, Money.Zero, 0);
        if (height <= 0) throw new ArgumentOutOfRangeException(nameof(height), height, "only the genesis block is at height 0");
        var txs = block.Transactions;
        if (txs.IsEmpty || !txs[0].IsCoinbase) throw new ArgumentException("the block must have passed CheckBlock", nameof(block));

        if (IsBip30Enforced(block, height, history, network))
        {
            foreach (var tx in txs)
                for (int o = 0; o < tx.Outputs.Length; o++)
                    if (view.TryGetCoin(new OutPoint(tx.TxId, (uint)o), out _))
                        return Reject("bad-txns-BIP30", "tried to overwrite transaction");
        }

        bool enforceSequenceLocks = height >= network.CsvHeight;
        var flags = BlockScriptFlags.Get(height, block.Hash, network);
        uint previousMedianTimePast = history.GetMedianTimePast(height - 1);
        var overlay = new CoinOverlay(view);
        var spentOutputs = new TxOut[txs.Length][];
        long fees = 0;
        long sigOpsCost = 0;
        var coinHeights = new int[16];

        for (int i = 0; i < txs.Length; i++)
        {
            var tx = txs[i];
            Coin[] coins = [];
            if (!tx.IsCoinbase)
            {
                coins = new Coin[tx.Inputs.Length];
                for (int j = 0; j < coins.Length; j++)
                    if (!overlay.TryGetCoin(tx.Inputs[j].PrevOut, out coins[j]))
                        return Reject("bad-txns-inputs-missingorspent", $"CheckTxInputs: inputs missing/spent in transaction {tx.TxId}");

                if (TransactionInputsCheck.Check(tx, coins, height, network.CoinbaseMaturity, out var fee) is { } inputError)
                    return Reject(inputError.RejectReason, $"{inputError.Detail} in transaction {tx.TxId}".TrimStart());
                fees += fee.Satoshis;
                if (!Money.InRange(fees)) return Reject("bad-txns-accumulated-fee-outofrange", "accumulated fee in the block out of range");

                if (coinHeights.Length < coins.Length) coinHeights = new int[Math.Max(coins.Length, coinHeights.Length * 2)];
                for (int j = 0; j < coins.Length; j++) coinHeights[j] = coins[j].Height;
                var sequenceLock = SequenceLocks.Calculate(tx, coinHeights.AsSpan(0, coins.Length), enforceSequenceLocks, history);
                if (!SequenceLocks.Evaluate(sequenceLock, height, previousMedianTimePast))
                    return Reject("bad-txns-nonfinal", $"contains a non-BIP68-final transaction {tx.TxId}");
            }

            var outputs = new TxOut[coins.Length];
            for (int j = 0; j < coins.Length; j++) outputs[j] = coins[j].Output;
            spentOutputs[i] = outputs;

            sigOpsCost += SigOpCounter.GetTransactionSigOpCost(tx, outputs, flags);
            if (sigOpsCost > ConsensusLimits.MaxBlockSigOpsCost) return Reject("bad-blk-sigops", "too many sigops");

            for (int j = 0; j < coins.Length; j++) overlay.Spend(tx.Inputs[j].PrevOut, coins[j]);
            overlay.AddOutputs(tx, height);
        }

        long reward = fees + network.GetBlockSubsidy(height).Satoshis;
        long coinbaseValue = txs[0].TotalOutputSatoshis;
        if (coinbaseValue > reward) return Reject("bad-cb-amount", $"coinbase pays too much (actual={coinbaseValue} vs limit={reward})");

        if (mode != ScriptCheckMode.Skip && VerifyScripts(txs, spentOutputs, flags, secp, mode, scriptCache) is { } scriptError) return new ConnectBlockResult.Rejected(scriptError);

        return new ConnectBlockResult.Accepted(overlay.ToDelta(), new Money(fees), sigOpsCost);
    }

    /// <summary>
    /// Reverts a connected block from <paramref name="coins"/> (Core's DisconnectBlock): removes the coins it created
    /// and restores the coins it spent. <see cref="DisconnectResult.Unclean"/> when the set was not exactly the one the
    /// block was connected to (it is reverted anyway).
    /// </summary>
    public static DisconnectResult DisconnectBlock(CoinsDelta delta, ICoinCache coins)
    {
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentNullException.ThrowIfNull(coins);
        bool clean = true;
        for (int i = delta.Created.Length - 1; i >= 0; i--)
        {
            var entry = delta.Created[i];
            if (!coins.SpendCoin(entry.OutPoint, out var found) || found != entry.Coin) clean = false;
        }
        for (int i = delta.Spent.Length - 1; i >= 0; i--)
        {
            var entry = delta.Spent[i];
            if (coins.TryGetCoin(entry.OutPoint, out _)) clean = false;
            coins.AddCoin(entry.OutPoint, entry.Coin);
        }
        return clean ? DisconnectResult.Ok : DisconnectResult.Unclean;
    }

    /// <summary>
    /// Core's BIP30 decision: enforced except in the two historical repeat blocks and, below height 1,983,702, on the
    /// chain whose block at the BIP34 height is the network's BIP34 hash (where BIP34 already rules duplicates out).
    /// On regtest, signet and testnet4 (no BIP34 hash) it is enforced everywhere.
    /// </summary>
    private static bool IsBip30Enforced(Block block, int height, IChainHistory history, Network network)
    {
        bool repeat = (height == 91842 && block.Hash == Bip30Repeat91842) || (height == 91880 && block.Hash == Bip30Repeat91880);
        bool enforce = !repeat;
        if (enforce && network.Bip34Height <= height - 1 && history.GetBlockHash(network.Bip34Height) == network.Bip34Hash) enforce = false;
        return enforce || height >= ConsensusLimits.Bip34ImpliesBip30Limit;
    }

    private static ConnectBlockResult.Rejected Reject(string reason, string detail) => new(BlockValidationError.Consensus(reason, detail));
}
