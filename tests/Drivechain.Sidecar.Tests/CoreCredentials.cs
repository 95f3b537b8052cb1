namespace Drivechain.Sidecar.Tests;

/// <summary>The RPC user and password <see cref="Drivechain.Testing.Bitcoind.BitcoindProcess"/> starts bitcoind with.</summary>
internal static class CoreCredentials
{
    public const string User = "u";
    public const string Password = "p";
    public const string UserPassword = $"{User}:{Password}";
}
