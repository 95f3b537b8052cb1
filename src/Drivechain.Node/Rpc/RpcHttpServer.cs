using Drivechain.Node.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Rpc;

/// <summary>
/// The JSON-RPC HTTP endpoint: Kestrel on <c>rpcbind:rpcport</c> (loopback by default), POST only, HTTP basic
/// auth with the cookie or rpcuser/rpcpassword (401 + <c>WWW-Authenticate</c> otherwise), bodies handed to
/// <see cref="RpcDispatcher"/>. Creates the cookie file at start and deletes it at stop.
/// </summary>
public sealed partial class RpcHttpServer(
    IOptions<NodeOptions> options,
    RpcDispatcher dispatcher,
    RpcAuthenticator authenticator,
    RpcServerInfo info,
    ILoggerFactory loggerFactory,
    ILogger<RpcHttpServer> log) : IHostedService, IAsyncDisposable
{
    private const string WwwAuthenticate = "Basic realm=\"jsonrpc\"";
    private WebApplication? _app;
    private string? _cookiePath;
    private RpcAccess _access = null!;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.UsesCookie)
        {
            _cookiePath = o.CookieFilePath;
            authenticator.Accept(RpcCookie.Create(_cookiePath));
            LogCookie(log, _cookiePath);
        }
        else
        {
            authenticator.Accept($"{o.RpcUser}:{o.RpcPassword}");
        }

        _access = o.RpcAccess;
        if (_access.BindIgnored) LogBindIgnored(log, o.RpcBind);
        _app = LocalWebApplication.Create(_access.BindAddress, o.EffectiveRpcPort, loggerFactory);
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken);

        var endpoint = LocalWebApplication.BoundAddress(_app);
        info.SetEndpoint(endpoint);
        LogListening(log, endpoint);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
        if (_cookiePath is not null)
        {
            RpcCookie.Delete(_cookiePath);
            LogCookieRemoved(log, _cookiePath);
            _cookiePath = null;
        }
        authenticator.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = null;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!_access.IsAllowed(context.Connection.RemoteIpAddress))
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            await response.WriteAsync("JSONRPC server handles only POST requests", context.RequestAborted);
            return;
        }
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers.WWWAuthenticate = WwwAuthenticate;
            return;
        }
        if (!authenticator.IsAuthorized(authorization))
        {
            LogBadPassword(log, context.Connection.RemoteIpAddress?.ToString() ?? "?");
            // Core deters brute-forcing with a short pause before answering.
            await Task.Delay(250, context.RequestAborted);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers.WWWAuthenticate = WwwAuthenticate;
            return;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var reply = await dispatcher.DispatchAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
        foreach (var action in reply.AfterReply)
            response.OnCompleted(() => { action(); return Task.CompletedTask; });
        response.StatusCode = reply.StatusCode;
        if (reply.Body is not null)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(reply.Body, context.RequestAborted);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Option -rpcbind={RpcBind} was ignored because -rpcallowip was not specified, refusing to allow everyone to connect; listening on loopback")]
    private static partial void LogBindIgnored(ILogger logger, string rpcBind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incorrect RPC password attempt from {Peer}")]
    private static partial void LogBadPassword(ILogger logger, string peer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated RPC authentication cookie {CookieFile}")]
    private static partial void LogCookie(ILogger logger, string cookieFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed RPC cookie {CookieFile}")]
    private static partial void LogCookieRemoved(ILogger logger, string cookieFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "RPC server listening on {RpcAddress}")]
    private static partial void LogListening(ILogger logger, Uri rpcAddress);
}
