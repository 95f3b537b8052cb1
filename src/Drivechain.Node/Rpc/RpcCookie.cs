using System.Security.Cryptography;

namespace Drivechain.Node.Rpc;

/// <summary>Core's cookie authentication: <c>__cookie__:&lt;64 hex&gt;</c> written at start (owner-only) and deleted at stop.</summary>
public static class RpcCookie
{
    public const string User = "__cookie__";

    /// <summary>Writes a fresh cookie to <paramref name="path"/> and returns the <c>user:password</c> line.</summary>
    public static string Create(string path)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var line = $"{User}:{secret}";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(line);
        File.Move(temp, path, overwrite: true);
        return line;
    }

    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Already gone or locked: Core ignores this too.
        }
    }
}
