using System.Net;
using System.Text.Json.Nodes;
using Drivechain.Node.Tests.Hosting;

namespace Drivechain.Node.Tests.Rpc;

public sealed class RpcHttpServerTests : IAsyncLifetime
{
    private InProcessNode _node = null!;

    public async Task InitializeAsync() => _node = await InProcessNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Request_without_credentials_gets_401_with_a_basic_challenge()
    {
        var (status, body, response) = await _node.Rpc.PostAsync("""{"method":"uptime","id":1}""", auth: "");

        status.Should().Be(HttpStatusCode.Unauthorized);
        body.Should().BeEmpty();
        response.Headers.WwwAuthenticate.ToString().Should().Be("Basic realm=\"jsonrpc\"");
    }

    [Fact]
    public async Task Wrong_password_gets_401()
    {
        var (status, _, response) = await _node.Rpc.PostAsync("""{"method":"uptime","id":1}""", auth: "__cookie__:wrong");

        status.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Get_is_not_allowed()
    {
        using var http = new HttpClient();

        var response = await http.GetAsync(_node.Endpoint);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Cookie_credentials_are_accepted()
    {
        var result = await _node.Rpc.CallAsync("uptime");

        result!.GetValue<long>().Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Help_lists_every_category_and_explains_one_command()
    {
        var overview = (await _node.Rpc.CallAsync("help"))!.GetValue<string>();
        var one = (await _node.Rpc.CallAsync("help", "uptime"))!.GetValue<string>();
        var unknown = (await _node.Rpc.CallAsync("help", "nosuch"))!.GetValue<string>();

        overview.Should().Contain("== Control ==").And.Contain("\nstop\n").And.Contain("== Network ==");
        one.Should().StartWith("uptime\n\nReturns the total uptime of the server.");
        unknown.Should().Be("help: unknown command: nosuch");
    }

    [Fact]
    public async Task Getnetworkinfo_reports_version_and_relay_fee()
    {
        var info = (await _node.Rpc.CallAsync("getnetworkinfo"))!.AsObject();

        info["subversion"]!.GetValue<string>().Should().StartWith("/Drivechain.NET:");
        info["connections"]!.GetValue<int>().Should().Be(0);
        info["relayfee"]!.GetValue<decimal>().Should().Be(0.00001m);
    }

    [Fact]
    public async Task Http_status_follows_Core_for_method_not_found()
    {
        var (status, body, _) = await _node.Rpc.PostAsync("""{"method":"nosuch","id":1}""");

        status.Should().Be(HttpStatusCode.NotFound);
        JsonNode.Parse(body)!["error"]!["code"]!.GetValue<int>().Should().Be(-32601);
    }

    [Fact]
    public async Task Named_parameters_work_over_http_for_chain_methods()
    {
        var (status, body, _) = await _node.Rpc.PostAsync("""{"jsonrpc":"2.0","method":"getblockhash","params":{"height":0},"id":"g"}""");

        status.Should().Be(HttpStatusCode.OK);
        JsonNode.Parse(body)!["result"]!.GetValue<string>().Should().Be("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206");
    }
}
