using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Rpc;

/// <summary>
/// Turns a JSON-RPC request body into a reply as Bitcoin Core's <c>HTTPReq_JSONRPC</c> does: JSON-RPC 1.0/1.1
/// objects (errors become HTTP 500, or 400 for RPC_INVALID_REQUEST and 404 for RPC_METHOD_NOT_FOUND),
/// JSON-RPC 2.0 objects (errors in an HTTP 200 reply; notifications get 204), and batches (always 200).
/// </summary>
public sealed partial class RpcDispatcher(RpcMethodTable methods, ILogger<RpcDispatcher> log, Hosting.NodeFatalError? fatal = null)
{
    private enum Version { V1Legacy, V2 }

    /// <summary>Replies are plain UTF-8 JSON as Core writes them (no \u escaping of quotes or non-ASCII).</summary>
    internal static readonly JsonSerializerOptions JsonOutput = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record Request(JsonNode? Id, bool HasId, Version Version, string Method, JsonNode? Params)
    {
        public bool IsNotification => Version == Version.V2 && !HasId;
    }

    public async Task<RpcReply> DispatchAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body.Span.Length == 0 ? "x"u8 : body.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 512, AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            return ErrorReply(RpcErrorCode.ParseError, "Parse error", null, Version.V1Legacy);
        }

        var afterReply = new List<Action>();
        if (root is JsonObject single)
        {
            Request request;
            try
            {
                request = ParseRequest(single);
            }
            catch (RpcException e)
            {
                return ErrorReply(e.Code, e.Message, single["id"]?.DeepClone(), Version.V1Legacy);
            }
            if (request.Version == Version.V1Legacy)
            {
                // Legacy behaviour: a failed call is an HTTP error carrying the JSON-RPC error object.
                try
                {
                    var result = await ExecuteAsync(request, afterReply, cancellationToken);
                    return Ok(ReplyObject(result, null, request), afterReply);
                }
                catch (RpcException e)
                {
                    return ErrorReply(e.Code, e.Message, request.Id, request.Version);
                }
            }
            var reply = await ExecuteCatchingAsync(request, afterReply, cancellationToken);
            return request.IsNotification ? new RpcReply(204, null, afterReply) : Ok(reply, afterReply);
        }

        if (root is JsonArray batch)
        {
            var replies = new JsonArray();
            foreach (var item in batch)
            {
                JsonNode reply;
                Request request;
                try
                {
                    request = item is JsonObject obj ? ParseRequest(obj) : throw new RpcException(RpcErrorCode.InvalidRequest, "Invalid Request object");
                }
                catch (RpcException e)
                {
                    var id = (item as JsonObject)?["id"]?.DeepClone();
                    replies.Add((JsonNode)ErrorObject(e.Code, e.Message, id, Version.V1Legacy));
                    continue;
                }
                reply = await ExecuteCatchingAsync(request, afterReply, cancellationToken);
                if (!request.IsNotification) replies.Add(reply);
            }
            if (replies.Count == 0 && batch.Count > 0) return new RpcReply(204, null, afterReply);
            return Ok(replies, afterReply);
        }

        return ErrorReply(RpcErrorCode.ParseError, "Top-level object parse error", null, Version.V1Legacy);
    }

    private async Task<JsonNode> ExecuteCatchingAsync(Request request, List<Action> afterReply, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ExecuteAsync(request, afterReply, cancellationToken);
            return ReplyObject(result, null, request);
        }
        catch (RpcException e)
        {
            return ErrorObject(e.Code, e.Message, request.Id, request.Version);
        }
    }

    private async Task<JsonNode?> ExecuteAsync(Request request, List<Action> afterReply, CancellationToken cancellationToken)
    {
        if (!methods.TryGet(request.Method, out var method))
            throw new RpcException(RpcErrorCode.MethodNotFound, "Method not found");
        LogCall(log, request.Method);
        var call = new RpcCall(method, RpcParameters.Bind(method, request.Params));
        try
        {
            var result = await method.Handler(call, cancellationToken);
            afterReply.AddRange(call.AfterReplyActions);
            return result;
        }
        catch (RpcException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Storage.StorageFailureException e)
        {
            // The store could not be written (disk full): the call fails and the node shuts down cleanly.
            fatal?.Fail(e.Message);
            throw new RpcException(RpcErrorCode.MiscError, e.Message);
        }
        catch (Exception e)
        {
            // The RPC boundary: Core maps any std::exception escaping a handler to RPC_MISC_ERROR with its text.
            LogHandlerFailure(log, e, request.Method);
            throw new RpcException(RpcErrorCode.MiscError, e.Message);
        }
    }

    private static Request ParseRequest(JsonObject obj)
    {
        var hasId = obj.TryGetPropertyValue("id", out var idNode);
        var id = idNode?.DeepClone();
        var version = Version.V1Legacy;
        if (obj["jsonrpc"] is { } versionNode)
        {
            if (RpcParameters.JsonTypeName(versionNode) != "string")
                throw new RpcException(RpcErrorCode.InvalidRequest, "jsonrpc field must be a string");
            version = versionNode.GetValue<string>() switch
            {
                "1.0" => Version.V1Legacy,
                "2.0" => Version.V2,
                _ => throw new RpcException(RpcErrorCode.InvalidRequest, "JSON-RPC version not supported"),
            };
        }
        var methodNode = obj["method"];
        if (methodNode is null) throw new RpcException(RpcErrorCode.InvalidRequest, "Missing method");
        if (RpcParameters.JsonTypeName(methodNode) != "string") throw new RpcException(RpcErrorCode.InvalidRequest, "Method must be a string");
        var parameters = obj["params"];
        if (parameters is not null and not JsonArray and not JsonObject)
            throw new RpcException(RpcErrorCode.InvalidRequest, "Params must be an array or object");
        return new Request(id, hasId, version, methodNode.GetValue<string>(), parameters?.DeepClone());
    }

    private static JsonObject ReplyObject(JsonNode? result, JsonNode? error, Request request)
    {
        if (request.Version == Version.V2)
        {
            var v2 = new JsonObject { ["jsonrpc"] = "2.0" };
            if (error is null) v2["result"] = result;
            else v2["error"] = error;
            v2["id"] = request.Id?.DeepClone();
            return v2;
        }
        return new JsonObject { ["result"] = result, ["error"] = error, ["id"] = request.Id?.DeepClone() };
    }

    private static JsonObject ErrorObject(int code, string message, JsonNode? id, Version version)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        return version == Version.V2
            ? new JsonObject { ["jsonrpc"] = "2.0", ["error"] = error, ["id"] = id?.DeepClone() }
            : new JsonObject { ["result"] = null, ["error"] = error, ["id"] = id?.DeepClone() };
    }

    private static RpcReply ErrorReply(int code, string message, JsonNode? id, Version version)
    {
        var status = code switch
        {
            RpcErrorCode.InvalidRequest => 400,
            RpcErrorCode.MethodNotFound => 404,
            _ => 500,
        };
        return new RpcReply(status, ErrorObject(code, message, id, version).ToJsonString(JsonOutput) + "\n", []);
    }

    private static RpcReply Ok(JsonNode reply, List<Action> afterReply) => new(200, reply.ToJsonString(JsonOutput) + "\n", afterReply);

    [LoggerMessage(Level = LogLevel.Error, Message = "RPC {Method} failed")]
    private static partial void LogHandlerFailure(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Debug, Message = "RPC call {Method}")]
    private static partial void LogCall(ILogger logger, string method);
}
