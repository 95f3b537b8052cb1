using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Drivechain.Node.Rpc;

/// <summary>
/// The parameters of one call, positional or named, mapped onto the method's argument list and type-checked as
/// Core does: wrong count → help text (RPC_MISC_ERROR), wrong JSON type → RPC_TYPE_ERROR "Wrong type passed",
/// unknown named parameter → RPC_INVALID_PARAMETER.
/// </summary>
public sealed class RpcParameters
{
    private readonly RpcMethod _method;
    private readonly JsonNode?[] _values;

    private RpcParameters(RpcMethod method, JsonNode?[] values)
    {
        _method = method;
        _values = values;
    }

    public int Count => _values.Length;

    public static RpcParameters Bind(RpcMethod method, JsonNode? raw)
    {
        JsonNode?[] values;
        switch (raw)
        {
            case null:
                values = [];
                break;
            case JsonArray array:
                values = [.. array];
                break;
            case JsonObject named:
            {
                var positions = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < method.Args.Length; i++) positions[method.Args[i].Name] = i;
                var highest = -1;
                var mapped = new JsonNode?[method.Args.Length];
                foreach (var (name, value) in named)
                {
                    if (!positions.TryGetValue(name, out var index))
                        throw new RpcException(RpcErrorCode.InvalidParameter, $"Unknown named parameter {name}");
                    mapped[index] = value;
                    highest = Math.Max(highest, index);
                }
                values = mapped[..(highest + 1)];
                break;
            }
            default:
                throw new RpcException(RpcErrorCode.InvalidRequest, "Params must be an array or object");
        }

        if (values.Length < method.RequiredCount || values.Length > method.Args.Length)
            throw new RpcException(RpcErrorCode.MiscError, method.Help);

        var mismatches = new JsonObject();
        for (var i = 0; i < method.Args.Length; i++)
        {
            var arg = method.Args[i];
            var value = i < values.Length ? values[i] : null;
            if (value is null && !arg.Required) continue;
            var expected = ExpectedJsonType(arg.Type);
            if (expected is null) continue;
            var actual = JsonTypeName(value);
            if (actual != expected)
                mismatches[$"Position {i + 1} ({arg.Name})"] = $"JSON value of type {actual} is not of expected type {expected}";
        }
        if (mismatches.Count > 0)
            throw new RpcException(RpcErrorCode.TypeError,
                "Wrong type passed:\n" + mismatches.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 4 }));

        return new RpcParameters(method, values);
    }

    /// <summary>The raw value of argument <paramref name="name"/>, or null when absent or JSON null.</summary>
    public JsonNode? this[string name]
    {
        get
        {
            var index = IndexOf(name);
            return index < _values.Length ? _values[index] : null;
        }
    }

    public bool Has(string name) => this[name] is not null;

    public string GetString(string name) =>
        this[name]?.GetValue<string>() ?? throw new RpcException(RpcErrorCode.InvalidParameter, $"{name} is required");

    public string? GetOptionalString(string name) => this[name]?.GetValue<string>();

    public long GetInt64(string name) => ToInt64(name, this[name] ?? throw new RpcException(RpcErrorCode.InvalidParameter, $"{name} is required"));

    public long? GetOptionalInt64(string name) => this[name] is { } node ? ToInt64(name, node) : null;

    /// <summary>An int parameter: like Core's <c>getInt&lt;int&gt;</c>, a number outside the int range is an error, never clamped.</summary>
    public int GetInt32(string name) => ToInt32(GetInt64(name));

    public int GetOptionalInt32(string name, int defaultValue) =>
        GetOptionalInt64(name) is { } value ? ToInt32(value) : defaultValue;

    private static int ToInt32(long value) =>
        value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new RpcException(RpcErrorCode.TypeError, "JSON integer out of range");

    public bool GetBoolean(string name, bool defaultValue) => this[name]?.GetValue<bool>() ?? defaultValue;

    public JsonArray GetArray(string name) => this[name] as JsonArray ?? throw new RpcException(RpcErrorCode.InvalidParameter, $"{name} is required");

    public JsonObject GetObject(string name) => this[name] as JsonObject ?? throw new RpcException(RpcErrorCode.InvalidParameter, $"{name} is required");

    private int IndexOf(string name)
    {
        for (var i = 0; i < _method.Args.Length; i++)
            if (_method.Args[i].Name == name) return i;
        throw new ArgumentException($"{_method.Name} has no argument {name}", nameof(name));
    }

    private static long ToInt64(string name, JsonNode node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            if (value.TryGetValue<long>(out var integer)) return integer;
            if (value.TryGetValue<double>(out var real) && real == Math.Floor(real) && Math.Abs(real) < 9e18) return (long)real;
            // Core's UniValue getInt rejects fractions and out-of-range numbers with this message.
            throw new RpcException(RpcErrorCode.TypeError, $"JSON integer out of range");
        }
        throw new RpcException(RpcErrorCode.TypeError, $"JSON value of type {JsonTypeName(node)} for field {name} is not of expected type number");
    }

    /// <summary>UniValue's type names: null, bool, object, array, string, number.</summary>
    public static string JsonTypeName(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "bool",
            _ => "null",
        },
        _ => "null",
    };

    private static string? ExpectedJsonType(RpcArgType type) => type switch
    {
        RpcArgType.String or RpcArgType.Hex => "string",
        RpcArgType.Number => "number",
        RpcArgType.Boolean => "bool",
        RpcArgType.Object => "object",
        RpcArgType.Array => "array",
        _ => null,
    };

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
