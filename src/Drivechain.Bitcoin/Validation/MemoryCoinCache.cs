using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Validation;

/// <summary>A coin set in a dictionary: for tests, tools and small chains. Not thread-safe.</summary>
public sealed class MemoryCoinCache : ICoinCache
{
    private readonly Dictionary<OutPoint, Coin> _coins = [];

    /// <summary>The number of coins.</summary>
    public int Count => _coins.Count;

    /// <summary>The coins (unordered).</summary>
    public IEnumerable<CoinEntry> Coins => _coins.Select(pair => new CoinEntry(pair.Key, pair.Value));

    /// <inheritdoc />
    public bool TryGetCoin(in OutPoint outPoint, out Coin coin) => _coins.TryGetValue(outPoint, out coin);

    /// <inheritdoc />
    public void AddCoin(in OutPoint outPoint, Coin coin) => _coins[outPoint] = coin;

    /// <inheritdoc />
    public bool SpendCoin(in OutPoint outPoint, out Coin coin) => _coins.Remove(outPoint, out coin);
}
