using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Tests.Scripting;

/// <summary>The secp256k1 backends every signature-checking vector runs against.</summary>
internal static class Backends
{
    public const string Native = "native";
    public const string Managed = "managed";

    public static readonly string[] Names = [Native, Managed];

    public static ISecp256k1 Get(string name) => name switch
    {
        Native => Secp256k1Provider.TryCreateNative(out var native)
            ? native
            : throw new InvalidOperationException("libsecp256k1 is not available on this machine"),
        Managed => Secp256k1Provider.Managed,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
