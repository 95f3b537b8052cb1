using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>
/// The secp256k1 backends every signature test runs against. The native row is present when libsecp256k1 is
/// installed, or when <see cref="RequireNativeVariable"/>=1 (then a missing library fails the row). Without the
/// library and without the variable there is no native row; <c>Secp256k1ProviderTests</c> then asserts that
/// the managed backend is the default, so no native row is ever counted as passed without running.
/// </summary>
public static class Secp256k1Backends
{
    public const string RequireNativeVariable = "DRIVECHAIN_REQUIRE_NATIVE_SECP256K1";
    public const string Managed = "managed";
    public const string Native = "native";

    public static bool NativeRequired => Environment.GetEnvironmentVariable(RequireNativeVariable) == "1";

    public static bool NativeAvailable => Secp256k1Provider.TryCreateNative(out _);

    /// <summary>The backend names to run: managed always, native when installed or required.</summary>
    public static IReadOnlyList<string> Names =>
        NativeAvailable || NativeRequired ? [Managed, Native] : [Managed];

    /// <summary>
    /// The backend for tests that need just one: native when installed or required (so a required but missing
    /// library fails), managed otherwise.
    /// </summary>
    public static ISecp256k1 Preferred => Get(NativeAvailable || NativeRequired ? Native : Managed);

    /// <summary>As theory data: one row per backend.</summary>
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Names)
                data.Add(name);
            return data;
        }
    }

    /// <summary>The backend of a name; a required but missing native library fails here.</summary>
    public static ISecp256k1 Get(string name) => name switch
    {
        Managed => Secp256k1Provider.Managed,
        Native => Secp256k1Provider.TryCreateNative(out var native)
            ? native
            : throw new InvalidOperationException($"libsecp256k1 is not installed but {RequireNativeVariable}=1 requires it."),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown backend"),
    };
}
