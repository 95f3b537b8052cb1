using System.Text;
using System.Text.Json.Nodes;
using Drivechain.Node.Rpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Drivechain.Node.Tests.Rpc;

public sealed class RpcDispatcherTests
{
    private sealed class TestMethods : IRpcMethodProvider
    {
        public IEnumerable<RpcMethod> GetMethods()
        {
            yield return new RpcMethod("echo", "Test",
                [RpcArg.Req("text", RpcArgType.String, "text"), RpcArg.Opt("times", RpcArgType.Number, "repeat", "1")],
                "Echoes text.", "", (call, _) =>
                {
                    var times = call.Params.GetOptionalInt32("times", 1);
                    return ValueTask.FromResult<JsonNode?>(string.Concat(Enumerable.Repeat(call.Params.GetString("text"), times)));
                });
            yield return new RpcMethod("fail", "Test", [], "Always fails.", "",
                (_, _) => throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Block not found"));
        }
    }

    private static readonly RpcDispatcher Dispatcher =
        new(new RpcMethodTable([new TestMethods()]), NullLogger<RpcDispatcher>.Instance);

    private static async Task<(int Status, JsonNode? Body)> Send(string json)
    {
        var reply = await Dispatcher.DispatchAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None);
        return (reply.StatusCode, reply.Body is null ? null : JsonNode.Parse(reply.Body));
    }

    [Fact]
    public async Task Legacy_request_returns_result_error_and_id()
    {
        var (status, body) = await Send("""{"method":"echo","params":["a",3],"id":7}""");

        status.Should().Be(200);
        body!.ToJsonString().Should().Be("""{"result":"aaa","error":null,"id":7}""");
    }

    [Theory]
    [InlineData("""{"method":"echo","method":"fail","params":["a"],"id":1}""")]
    [InlineData("""{"method":"echo","params":{"text":"a","text":"b"},"id":1}""")]
    [InlineData("""[{"method":"echo","params":["a"],"id":1,"id":2}]""")]
    public async Task Duplicate_keys_anywhere_in_the_request_are_a_JSON_RPC_parse_error(string json)
    {
        var (status, body) = await Send(json);

        status.Should().Be(500);
        body!["error"]!["code"]!.GetValue<int>().Should().Be(RpcErrorCode.ParseError);
        body["error"]!["message"]!.GetValue<string>().Should().Be("Parse error");
    }

    [Fact]
    public async Task Named_parameters_map_onto_argument_names()
    {
        var (_, body) = await Send("""{"jsonrpc":"2.0","method":"echo","params":{"times":2,"text":"xy"},"id":"n"}""");

        body!.ToJsonString().Should().Be("""{"jsonrpc":"2.0","result":"xyxy","id":"n"}""");
    }

    [Fact]
    public async Task Unknown_named_parameter_is_invalid_parameter()
    {
        var (status, body) = await Send("""{"method":"echo","params":{"text":"a","bogus":1},"id":1}""");

        status.Should().Be(500);
        body!["error"]!["code"]!.GetValue<int>().Should().Be(RpcErrorCode.InvalidParameter);
        body["error"]!["message"]!.GetValue<string>().Should().Be("Unknown named parameter bogus");
    }

    [Fact]
    public async Task Malformed_json_is_a_parse_error_with_http_500()
    {
        var (status, body) = await Send("{not json");

        status.Should().Be(500);
        body!["error"]!["code"]!.GetValue<int>().Should().Be(-32700);
        body["error"]!["message"]!.GetValue<string>().Should().Be("Parse error");
    }

    [Fact]
    public async Task Unknown_method_is_method_not_found_with_http_404()
    {
        var (status, body) = await Send("""{"method":"nosuch","id":1}""");

        status.Should().Be(404);
        body!["error"]!["code"]!.GetValue<int>().Should().Be(-32601);
        body["error"]!["message"]!.GetValue<string>().Should().Be("Method not found");
    }

    [Fact]
    public async Task Missing_method_is_invalid_request_with_http_400()
    {
        var (status, body) = await Send("""{"params":[],"id":1}""");

        status.Should().Be(400);
        body!["error"]!["code"]!.GetValue<int>().Should().Be(-32600);
        body["error"]!["message"]!.GetValue<string>().Should().Be("Missing method");
    }

    [Fact]
    public async Task Scalar_params_are_an_invalid_request()
    {
        var (status, body) = await Send("""{"method":"echo","params":"a","id":1}""");

        status.Should().Be(400);
        body!["error"]!["message"]!.GetValue<string>().Should().Be("Params must be an array or object");
    }

    [Fact]
    public async Task Wrong_json_type_is_a_type_error_naming_the_position()
    {
        var (status, body) = await Send("""{"method":"echo","params":[5],"id":1}""");

        status.Should().Be(500);
        body!["error"]!["code"]!.GetValue<int>().Should().Be(RpcErrorCode.TypeError);
        body["error"]!["message"]!.GetValue<string>().Should()
            .StartWith("Wrong type passed:").And.Contain("Position 1 (text)").And.Contain("JSON value of type number is not of expected type string");
    }

    [Fact]
    public async Task Wrong_parameter_count_returns_the_help_text_as_misc_error()
    {
        var (_, body) = await Send("""{"method":"echo","params":["a",1,2],"id":1}""");

        body!["error"]!["code"]!.GetValue<int>().Should().Be(RpcErrorCode.MiscError);
        body["error"]!["message"]!.GetValue<string>().Should().StartWith("echo text ( times )");
    }

    [Fact]
    public async Task Version_2_errors_come_back_with_http_200()
    {
        var (status, body) = await Send("""{"jsonrpc":"2.0","method":"fail","id":3}""");

        status.Should().Be(200);
        body!.ToJsonString().Should().Be("""{"jsonrpc":"2.0","error":{"code":-5,"message":"Block not found"},"id":3}""");
    }

    [Fact]
    public async Task Version_1_handler_errors_come_back_with_http_500()
    {
        var (status, body) = await Send("""{"method":"fail","id":3}""");

        status.Should().Be(500);
        body!.ToJsonString().Should().Be("""{"result":null,"error":{"code":-5,"message":"Block not found"},"id":3}""");
    }

    [Fact]
    public async Task Version_2_notification_gets_no_content()
    {
        var (status, body) = await Send("""{"jsonrpc":"2.0","method":"echo","params":["a"]}""");

        status.Should().Be(204);
        body.Should().BeNull();
    }

    [Fact]
    public async Task Unsupported_jsonrpc_version_is_rejected()
    {
        var (status, body) = await Send("""{"jsonrpc":"3.0","method":"echo","params":["a"],"id":1}""");

        status.Should().Be(400);
        body!["error"]!["message"]!.GetValue<string>().Should().Be("JSON-RPC version not supported");
    }

    [Fact]
    public async Task Batch_answers_each_request_in_order_with_http_200()
    {
        var (status, body) = await Send("""[{"method":"echo","params":["a"],"id":1},{"method":"nosuch","id":2},5,{"jsonrpc":"2.0","method":"echo","params":["n"]}]""");

        status.Should().Be(200);
        var replies = body!.AsArray();
        replies.Should().HaveCount(3);
        replies[0]!["result"]!.GetValue<string>().Should().Be("a");
        replies[1]!["error"]!["code"]!.GetValue<int>().Should().Be(-32601);
        replies[2]!["error"]!["code"]!.GetValue<int>().Should().Be(-32600);
    }

    [Fact]
    public async Task Top_level_scalar_is_a_parse_error()
    {
        var (status, body) = await Send("42");

        status.Should().Be(500);
        body!["error"]!["message"]!.GetValue<string>().Should().Be("Top-level object parse error");
    }
}
