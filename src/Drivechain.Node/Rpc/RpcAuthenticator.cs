using System.Security.Cryptography;
using System.Text;

namespace Drivechain.Node.Rpc;

/// <summary>Checks HTTP basic credentials against the cookie and/or the configured rpcuser/rpcpassword, in constant time.</summary>
public sealed class RpcAuthenticator
{
    private readonly Lock _gate = new();
    private readonly List<byte[]> _accepted = [];

    public void Accept(string userColonPassword)
    {
        lock (_gate) _accepted.Add(Encoding.UTF8.GetBytes(userColonPassword));
    }

    public void Clear()
    {
        lock (_gate) _accepted.Clear();
    }

    /// <summary>True when <paramref name="authorizationHeader"/> is <c>Basic base64(user:password)</c> for an accepted pair.</summary>
    public bool IsAuthorized(string? authorizationHeader)
    {
        if (authorizationHeader is null || !authorizationHeader.StartsWith("Basic ", StringComparison.Ordinal)) return false;
        byte[] presented;
        try
        {
            presented = Convert.FromBase64String(authorizationHeader["Basic ".Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        var ok = false;
        lock (_gate)
        {
            foreach (var candidate in _accepted)
                ok |= CryptographicOperations.FixedTimeEquals(candidate, presented);
        }
        return ok;
    }
}
