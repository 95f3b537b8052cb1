using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Rpc.Json;

/// <summary>Core's ValueFromAmount / AmountFromValue: BTC amounts as JSON numbers with exactly 8 decimals.</summary>
public static class RpcAmount
{
    public static JsonNode ToJson(long satoshis)
    {
        var magnitude = satoshis == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(satoshis);
        return JsonValue.Create(new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, satoshis < 0, 8));
    }

    public static JsonNode ToJson(Money money) => ToJson(money.Satoshis);

    /// <summary>Parses a BTC amount given as a number or a numeric string; at most 8 decimals, within MAX_MONEY.</summary>
    public static long FromJson(JsonNode? node, bool allowZero = true)
    {
        string text;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number) text = value.ToJsonString();
        else if (node is JsonValue s && s.GetValueKind() == JsonValueKind.String) text = s.GetValue<string>();
        else throw new RpcException(RpcErrorCode.TypeError, "Amount is not a number or string");
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var btc))
            throw new RpcException(RpcErrorCode.TypeError, "Invalid amount");
        var scaled = btc * Money.Coin;
        if (scaled != decimal.Truncate(scaled)) throw new RpcException(RpcErrorCode.TypeError, "Invalid amount");
        if (scaled < 0 || scaled > Money.MaxMoneySatoshis) throw new RpcException(RpcErrorCode.TypeError, "Amount out of range");
        var satoshis = (long)scaled;
        if (!allowZero && satoshis == 0) throw new RpcException(RpcErrorCode.TypeError, "Amount out of range");
        return satoshis;
    }
}
