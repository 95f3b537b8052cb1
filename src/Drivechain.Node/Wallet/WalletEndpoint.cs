namespace Drivechain.Node.Wallet;

/// <summary>
/// The wallet a JSON-RPC request was sent to: Core's <c>/wallet/&lt;name&gt;</c> URI path (URL-decoded), null for <c>/</c>.
/// Set by the HTTP server for the request's async flow; wallet RPCs resolve it with <see cref="WalletManager.Resolve"/>.
/// </summary>
public static class WalletEndpoint
{
    private const string Prefix = "/wallet/";
    private static readonly AsyncLocal<string?> CurrentName = new();

    public static string? Current
    {
        get => CurrentName.Value;
        set => CurrentName.Value = value;
    }

    /// <summary>The wallet name of a request path, or null when the path names none.</summary>
    public static string? FromPath(string? path) =>
        path is not null && path.StartsWith(Prefix, StringComparison.Ordinal) ? Uri.UnescapeDataString(path[Prefix.Length..]) : null;
}
