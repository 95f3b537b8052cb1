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
    private RpcWorkQueue _queue = null!;

    /// <summary>Core's MAX_SIZE for an HTTP body (32 MiB); larger bodies get 413.</summary>
    public const long MaxBodySize = 0x02000000;

    /// <summary>Concurrent HTTP connections kept at most (further ones are closed at once).</summary>
    public const long MaxConnections = 4096;

    /// <summary>After a request body this large the server hands the memory it needed back to the OS.</summary>
    private const int LargeBody = 1 << 20;

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

        _access = o.RpcAccess();
        if (_access.BindIgnored) LogBindIgnored(log, o.RpcBind);
        _queue = new RpcWorkQueue(o.RpcThreads, o.RpcWorkQueue);
        var timeout = TimeSpan.FromSeconds(o.RpcServerTimeout);
        _app = LocalWebApplication.Create(_access.BindAddress, o.EffectiveRpcPort, loggerFactory, limits =>
        {
            // Idle and half-open connections are closed after -rpcservertimeout, and their number is bounded well below
            // the process's file-descriptor limit, so a flood of idle sockets cannot starve the node.
            limits.MaxConcurrentConnections = MaxConnections;
            limits.KeepAliveTimeout = timeout;
            limits.RequestHeadersTimeout = timeout;
            limits.MaxRequestBodySize = MaxBodySize;
            limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(240, timeout);
        });
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
        _queue?.Dispose();
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

        if (!_queue.TryEnter())
        {
            LogWorkQueueFull(log);
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await WriteBodyAsync(response, "Work queue depth exceeded", context.RequestAborted);
            return;
        }
        bool hadThread = false;
        long bodyLength = 0;
        try
        {
            await _queue.WaitForThreadAsync(context.RequestAborted);
            hadThread = true;
            using var buffer = new MemoryStream();
            try
            {
                await request.Body.CopyToAsync(buffer, context.RequestAborted);
            }
            catch (BadHttpRequestException e)
            {
                // Too large (413) or too slow: Kestrel answers; one line in the log is enough.
                LogBadRequest(log, e.StatusCode, e.Message, context.Connection.RemoteIpAddress?.ToString() ?? "?");
                if (!response.HasStarted) response.StatusCode = e.StatusCode;
                return;
            }
            bodyLength = buffer.Length;
            Wallet.WalletEndpoint.Current = Wallet.WalletEndpoint.FromPath(request.Path.Value);   // Core's /wallet/<name>
            var reply = await dispatcher.DispatchAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
            foreach (var action in reply.AfterReply)
                response.OnCompleted(() => { action(); return Task.CompletedTask; });
            response.StatusCode = reply.StatusCode;
            if (reply.Body is not null)
            {
                response.ContentType = "application/json";
                await WriteBodyAsync(response, reply.Body, context.RequestAborted);
            }
        }
        finally
        {
            _queue.Exit(hadThread);
            // A huge request (a 10 MB decodescript) needs hundreds of MB on the large-object heap once; give it back
            // instead of keeping the process at that size.
            if (bodyLength >= LargeBody)
                response.OnCompleted(() =>
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    return Task.CompletedTask;
                });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Option -rpcbind={RpcBind} was ignored because -rpcallowip was not specified, refusing to allow everyone to connect; listening on loopback")]
    private static partial void LogBindIgnored(ILogger logger, string rpcBind);

    /// <summary>Writes a body with its Content-Length (as Core does) rather than chunked.</summary>
    private static async Task WriteBodyAsync(HttpResponse response, string body, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RPC work queue depth exceeded (-rpcworkqueue): request refused with 503")]
    private static partial void LogWorkQueueFull(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RPC request from {Peer} refused with HTTP {Status}: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, int status, string reason, string peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incorrect RPC password attempt from {Peer}")]
    private static partial void LogBadPassword(ILogger logger, string peer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated RPC authentication cookie {CookieFile}")]
    private static partial void LogCookie(ILogger logger, string cookieFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed RPC cookie {CookieFile}")]
    private static partial void LogCookieRemoved(ILogger logger, string cookieFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "RPC server listening on {RpcAddress}")]
    private static partial void LogListening(ILogger logger, Uri rpcAddress);
}
