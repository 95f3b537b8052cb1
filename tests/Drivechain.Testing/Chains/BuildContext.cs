using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Testing.Chains;

/// <summary>Transactions of a block under construction: the wallet's coin selection, the model's CTIPs and the fees.</summary>
internal sealed class BuildContext
{
    private readonly ChainGeneratorOptions _options;
    private readonly WalletKey _wallet;
    private ImmutableQueue<WalletCoin> _coinbaseCoins;
    private ImmutableQueue<WalletCoin> _coins;
    private readonly List<WalletCoin> _created = [];

    public BuildContext(ChainGeneratorOptions options, WalletKey walletKey, Wallet wallet, ModelDraft model)
    {
        _options = options;
        _wallet = walletKey;
        _coinbaseCoins = wallet.CoinbaseCoins;
        _coins = wallet.Coins;
        Model = model;
    }

    public ModelDraft Model { get; }

    public List<Transaction> Transactions { get; } = [];

    public long Fees { get; private set; }

    public long Fee => _options.TransactionFee;

    public int Height => Model.Height;

    public void Add(Transaction transaction, long fee)
    {
        Transactions.Add(transaction);
        Fees += fee;
    }

    /// <summary>
    /// A wallet transaction: the <paramref name="leading"/> inputs (e.g. a CTIP) then wallet coins until the outputs and
    /// the fee are covered; the given outputs, change last; wallet inputs signed when the wallet kind needs it.
    /// </summary>
    public Transaction Spend(long fee, IReadOnlyList<TxOut> outputs, IReadOnlyList<(TxIn Input, TxOut Spent)>? leading = null)
    {
        var inputs = new List<TxIn>();
        var spent = new List<TxOut>();
        foreach (var (input, output) in leading ?? []) { inputs.Add(input); spent.Add(output); }
        var walletInputs = new List<int>();
        var total = spent.Sum(o => o.Value.Satoshis);
        var outputsTotal = outputs.Sum(o => o.Value.Satoshis);
        while (total < outputsTotal + fee || walletInputs.Count == 0)
        {
            var coin = TakeCoin() ?? throw new InvalidOperationException(
                $"the wallet cannot fund {outputsTotal + fee - total} sat more at height {Height} (only immature or no coins left)");
            walletInputs.Add(inputs.Count);
            inputs.Add(_wallet.UnsignedInput(coin.OutPoint));
            spent.Add(new TxOut(new Money(coin.Value), coin.ScriptPubKey));
            total += coin.Value;
        }
        var change = total - outputsTotal - fee;
        var all = new List<TxOut>(outputs);
        if (change > 0) all.Add(new TxOut(new Money(change), _wallet.Script));
        var tx = _wallet.Sign(new Transaction(2, [.. inputs], [.. all], 0), spent, walletInputs);
        for (int i = 0; i < tx.Outputs.Length; i++)
        {
            if (tx.Outputs[i].ScriptPubKey == _wallet.Script)
                _created.Add(new WalletCoin(new OutPoint(tx.TxId, (uint)i), tx.Outputs[i].Value.Satoshis, _wallet.Script, Height, false));
        }
        Add(tx, fee);
        return tx;
    }

    /// <summary>M5 (spec §4.7.1, §9.5): CTIP (if any) + wallet coins in; treasury, address, change out.</summary>
    public void Deposit(byte slot, long amount, byte[] address)
    {
        if (!Model.IsActive(slot)) throw new InvalidOperationException($"deposit to inactive slot {slot} at height {Height}");
        var ctip = Model.CtipOf(slot);
        var old = ctip?.Value ?? 0;
        (TxIn, TxOut)[] leading = ctip is null ? [] :
            [(new TxIn(ctip.OutPoint, Script.Empty, TxIn.SequenceFinal), new TxOut(new Money(ctip.Value), DrivechainScripts.Treasury(slot)))];
        var outputs = new[]
        {
            new TxOut(new Money(old + amount), DrivechainScripts.Treasury(slot)),
            new TxOut(Money.Zero, DrivechainScripts.DepositAddress(address)),
        };
        var tx = Spend(Fee, outputs, leading);
        Model.SetCtip(slot, new ModelCtip(new OutPoint(tx.TxId, 0), old + amount), null);
    }

    /// <summary>M6 for a pending bundle the generator made (spec §4.7.2).</summary>
    public bool TryPayout(ModelBundle bundle, byte slot)
    {
        var ctip = Model.CtipOf(slot);
        if (bundle.Spec is null || ctip is null || ctip.Value < bundle.Spec.PayoutTotal + bundle.Spec.Fee) return false;
        var m6 = bundle.Spec.ToM6(ctip);
        Add(m6, bundle.Spec.Fee);
        Model.SetCtip(slot, new ModelCtip(new OutPoint(m6.TxId, 0), m6.Outputs[0].Value.Satoshis), bundle.M6Id);
        for (int i = 1; i < m6.Outputs.Length; i++)
        {
            if (m6.Outputs[i].ScriptPubKey == _wallet.Script)
                _created.Add(new WalletCoin(new OutPoint(m6.TxId, (uint)i), m6.Outputs[i].Value.Satoshis, _wallet.Script, Height, false));
        }
        return true;
    }

    /// <summary>The wallet after the block: unspent old coins, then this block's outputs and its coinbase.</summary>
    public Wallet ToWallet(WalletCoin? coinbase)
    {
        var coins = _coins;
        foreach (var coin in _created) coins = coins.Enqueue(coin);
        var coinbaseCoins = coinbase is null ? _coinbaseCoins : _coinbaseCoins.Enqueue(coinbase);
        return new Wallet(coinbaseCoins, coins);
    }

    private WalletCoin? TakeCoin()
    {
        if (!_coins.IsEmpty)
        {
            _coins = _coins.Dequeue(out var coin);
            return coin;
        }
        if (!_coinbaseCoins.IsEmpty && Height - _coinbaseCoins.Peek().Height >= _options.Network.CoinbaseMaturity)
        {
            _coinbaseCoins = _coinbaseCoins.Dequeue(out var coin);
            return coin;
        }
        return null;
    }
}
