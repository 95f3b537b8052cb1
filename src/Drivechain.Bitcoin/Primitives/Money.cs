namespace Drivechain.Bitcoin.Primitives;

/// <summary>An amount in satoshis.</summary>
public readonly record struct Money(long Satoshis) : IComparable<Money>
{
    /// <summary>Satoshis per bitcoin.</summary>
    public const long Coin = 100_000_000;

    /// <summary>21 million BTC: no amount, single or summed, may exceed it (Core's MAX_MONEY).</summary>
    public const long MaxMoneySatoshis = 21_000_000 * Coin;

    /// <summary>Zero.</summary>
    public static readonly Money Zero = new(0);

    /// <summary>MAX_MONEY.</summary>
    public static readonly Money MaxMoney = new(MaxMoneySatoshis);

    /// <summary>Core's MoneyRange: 0 ≤ value ≤ MAX_MONEY.</summary>
    public static bool InRange(long satoshis) => satoshis >= 0 && satoshis <= MaxMoneySatoshis;

    /// <summary>True when 0 ≤ value ≤ MAX_MONEY.</summary>
    public bool IsInRange => InRange(Satoshis);

    /// <summary>Creates an amount from whole and fractional bitcoins.</summary>
    public static Money FromBtc(decimal btc) => new(checked((long)decimal.Round(btc * Coin)));

    /// <summary>The amount in BTC.</summary>
    public decimal ToBtc() => (decimal)Satoshis / Coin;

    /// <inheritdoc />
    public int CompareTo(Money other) => Satoshis.CompareTo(other.Satoshis);

    /// <summary>Sum (unchecked: validate ranges first); the named form of <c>+</c>.</summary>
    public static Money Add(Money left, Money right) => left + right;
    /// <summary>Difference (unchecked); the named form of <c>-</c>.</summary>
    public static Money Subtract(Money left, Money right) => left - right;
    /// <summary>Sum (unchecked: validate ranges first).</summary>
    public static Money operator +(Money a, Money b) => new(a.Satoshis + b.Satoshis);
    /// <summary>Difference (unchecked).</summary>
    public static Money operator -(Money a, Money b) => new(a.Satoshis - b.Satoshis);
    /// <summary>Less than.</summary>
    public static bool operator <(Money a, Money b) => a.Satoshis < b.Satoshis;
    /// <summary>Greater than.</summary>
    public static bool operator >(Money a, Money b) => a.Satoshis > b.Satoshis;
    /// <summary>Less than or equal.</summary>
    public static bool operator <=(Money a, Money b) => a.Satoshis <= b.Satoshis;
    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(Money a, Money b) => a.Satoshis >= b.Satoshis;

    /// <summary>Core's BTC formatting with 8 decimals, e.g. "0.00010000".</summary>
    public override string ToString() => ToBtc().ToString("0.00000000", System.Globalization.CultureInfo.InvariantCulture);
}
