using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Drivechain.Node.Hosting;
using Drivechain.Node.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Dashboard;

/// <summary>
/// The read-only web dashboard: Kestrel on <c>dashboardbind:dashboardport</c> (loopback only), serving the embedded
/// page, the JSON API of <see cref="DashboardApi"/> and the Server-Sent Events of <see cref="DashboardEvents"/>.
/// GET only; unknown pages, slots and blocks get a 404 page. Off unless <see cref="NodeOptions.DashboardEnabled"/>.
/// </summary>
public sealed partial class DashboardServer(
    IOptions<NodeOptions> options,
    DashboardApi api,
    DashboardEvents events,
    DashboardAssets assets,
    NodeChain node,
    ILoggerFactory loggerFactory,
    ILogger<DashboardServer> log) : IHostedService, IAsyncDisposable
{
    private const string Csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private WebApplication? _app;

    /// <summary>Where the dashboard listens once started (null when it is off).</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.DashboardEnabled) return;
        _app = LocalWebApplication.Create(o.DashboardBindAddress(), o.EffectiveDashboardPort, loggerFactory);
        _app.Use(GuardAsync);
        _app.MapGet("/", ctx => PageAsync(ctx));
        _app.MapGet("/sidechain/{slot}", async ctx =>
        {
            var slot = (string)ctx.GetRouteValue("slot")!;
            if (await api.SidechainAsync(slot, ctx.RequestAborted) is null) await NotFoundPageAsync(ctx, $"No active sidechain in slot {slot}.");
            else await PageAsync(ctx);
        });
        _app.MapGet("/block/{id}", async ctx =>
        {
            var id = (string)ctx.GetRouteValue("id")!;
            if (api.FindBlock(id, out _) is null) await NotFoundPageAsync(ctx, $"No block {id} is known to this node.");
            else await PageAsync(ctx);
        });
        _app.MapGet("/assets/{file}", AssetAsync);
        _app.MapGet("/api/overview", ctx => JsonAsync(ctx, api.OverviewAsync(ctx.RequestAborted)));
        _app.MapGet("/api/chain", ctx => JsonAsync(ctx, api.ChainAsync(ctx.RequestAborted)));
        _app.MapGet("/api/sidechains", ctx => JsonAsync(ctx, api.SidechainsAsync(ctx.RequestAborted)));
        _app.MapGet("/api/sidechains/{slot}", ctx => JsonAsync(ctx, api.SidechainAsync((string)ctx.GetRouteValue("slot")!, ctx.RequestAborted), "no active sidechain in this slot"));
        _app.MapGet("/api/proposals", ctx => JsonAsync(ctx, api.ProposalsAsync(ctx.RequestAborted)));
        _app.MapGet("/api/bundles", ctx => JsonAsync(ctx, api.BundlesAsync(ctx.RequestAborted)));
        _app.MapGet("/api/bmm", ctx => JsonAsync(ctx, Task.FromResult<JsonNode?>(api.Bmm())));
        _app.MapGet("/api/blocks/{id}", ctx => JsonAsync(ctx, Task.FromResult<JsonNode?>(api.BlockDetail((string)ctx.GetRouteValue("id")!)), "unknown block"));
        _app.MapGet("/api/events", EventStreamAsync);
        _app.MapFallback(ctx => ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            ? WriteJsonAsync(ctx, StatusCodes.Status404NotFound, new JsonObject { ["error"] = "unknown endpoint" })
            : NotFoundPageAsync(ctx, "There is no such page."));
        await _app.StartAsync(cancellationToken);
        Address = LocalWebApplication.BoundAddress(_app);
        LogListening(log, Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = null;
    }

    /// <summary>GET only, security headers, warm-up and error answers without stack traces.</summary>
    private async Task GuardAsync(HttpContext ctx, RequestDelegate next)
    {
        var response = ctx.Response;
        response.Headers.ContentSecurityPolicy = Csp;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (!HttpMethods.IsGet(ctx.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET";
            await response.WriteAsync("The dashboard is read-only: GET only.", ctx.RequestAborted);
            return;
        }
        if (!node.IsLoaded)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await response.WriteAsync("The node is loading its chain; try again in a moment.", ctx.RequestAborted);
            return;
        }
        try
        {
            await next(ctx);
        }
        catch (Exception e) when (e is not OperationCanceledException && !response.HasStarted)
        {
            LogFailed(log, ctx.Request.Path, e);
            response.Clear();
            response.StatusCode = e is RpcException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
            await response.WriteAsync("The dashboard could not answer this request; see the node's log.", ctx.RequestAborted);
        }
    }

    private Task PageAsync(HttpContext ctx) => BytesAsync(ctx, StatusCodes.Status200OK, assets.Get("index.html"), "text/html; charset=utf-8");

    private Task NotFoundPageAsync(HttpContext ctx, string reason)
    {
        var html = Encoding.UTF8.GetString(assets.Get("404.html")).Replace("{{reason}}", WebUtility.HtmlEncode(reason), StringComparison.Ordinal);
        return BytesAsync(ctx, StatusCodes.Status404NotFound, Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");
    }

    private Task AssetAsync(HttpContext ctx)
    {
        var file = (string)ctx.GetRouteValue("file")!;
        return assets.TryGet(file, out var bytes, out var type) && !file.EndsWith(".html", StringComparison.Ordinal)
            ? BytesAsync(ctx, StatusCodes.Status200OK, bytes, type)
            : NotFoundPageAsync(ctx, "There is no such file.");
    }

    private static async Task BytesAsync(HttpContext ctx, int status, byte[] bytes, string contentType)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.Headers.CacheControl = "no-cache";
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted);
    }

    private static async Task JsonAsync<T>(HttpContext ctx, Task<T> body, string notFound = "not found") where T : JsonNode?
    {
        var result = await body;
        if (result is null) await WriteJsonAsync(ctx, StatusCodes.Status404NotFound, new JsonObject { ["error"] = notFound });
        else await WriteJsonAsync(ctx, StatusCodes.Status200OK, result);
    }

    private static Task WriteJsonAsync(HttpContext ctx, int status, JsonNode body) =>
        BytesAsync(ctx, status, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json; charset=utf-8");

    /// <summary>Server-Sent Events: the last tip at once, then every change; a browser that falls behind is dropped.</summary>
    private async Task EventStreamAsync(HttpContext ctx)
    {
        var response = ctx.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var client = events.Subscribe();
        try
        {
            await response.WriteAsync("retry: 1000\n\n", ctx.RequestAborted);
            if (events.Last is { } last) await WriteEventAsync(response, last, ctx.RequestAborted);
            await response.Body.FlushAsync(ctx.RequestAborted);
            await foreach (var e in client.Reader.ReadAllAsync(ctx.RequestAborted))
            {
                await WriteEventAsync(response, e, ctx.RequestAborted);
                await response.Body.FlushAsync(ctx.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The browser went away.
        }
        finally
        {
            events.Unsubscribe(client);
        }
    }

    private static Task WriteEventAsync(HttpResponse response, DashboardEvent e, CancellationToken ct)
    {
        var data = new JsonObject
        {
            ["type"] = e.Type, ["height"] = e.Height, ["hash"] = e.Hash, ["sequence"] = e.Sequence, ["node_time_ms"] = e.NodeTimeMs,
        };
        return response.WriteAsync($"event: tip\ndata: {data.ToJsonString()}\n\n", ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard listening on {DashboardAddress}")]
    private static partial void LogListening(ILogger logger, Uri dashboardAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard request {Path} failed")]
    private static partial void LogFailed(ILogger logger, PathString path, Exception exception);
}
