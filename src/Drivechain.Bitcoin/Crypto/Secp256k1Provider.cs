using System.Diagnostics.CodeAnalysis;
using Drivechain.Bitcoin.Crypto.Native;
using Drivechain.Bitcoin.Crypto.Secp256k1;

namespace Drivechain.Bitcoin.Crypto;

/// <summary>Chooses an <see cref="ISecp256k1"/> backend: the system libsecp256k1 when present, else managed code.</summary>
public static class Secp256k1Provider
{
    /// <summary>The pure C# implementation (always available).</summary>
    public static ISecp256k1 Managed => ManagedSecp256k1.Instance;

    /// <summary>The libsecp256k1 backend, or false when no usable library (with schnorrsig and extrakeys) is installed.</summary>
    public static bool TryCreateNative([NotNullWhen(true)] out ISecp256k1? native)
    {
        if (NativeSecp256k1.TryGet(out var instance))
        {
            native = instance;
            return true;
        }
        native = null;
        return false;
    }

    /// <summary>The native backend when available, otherwise <see cref="Managed"/>.</summary>
    public static ISecp256k1 CreateDefault() => TryCreateNative(out var native) ? native : Managed;
}
