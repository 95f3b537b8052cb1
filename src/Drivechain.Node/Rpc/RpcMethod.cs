using System.Collections.Immutable;
using System.Text;

namespace Drivechain.Node.Rpc;

/// <summary>An RPC method: its name, help category, arguments, help text and handler.</summary>
public sealed record RpcMethod(string Name, string Category, ImmutableArray<RpcArg> Args, string Description, string ResultHelp, RpcHandler Handler)
{
    public int RequiredCount => Args.Count(a => a.Required);

    /// <summary>The one-line synopsis used in the <c>help</c> overview, e.g. <c>getblockhash height</c>.</summary>
    public string Synopsis
    {
        get
        {
            var text = new StringBuilder(Name);
            foreach (var arg in Args)
                text.Append(' ').Append(arg.Required ? arg.Name : $"( {arg.Name} )");
            return text.ToString();
        }
    }

    /// <summary>Full help in Core's layout (synopsis, description, Arguments, Result).</summary>
    public string Help
    {
        get
        {
            var text = new StringBuilder(Synopsis).Append("\n\n").Append(Description).Append('\n');
            if (Args.Length > 0)
            {
                text.Append("\nArguments:\n");
                for (var i = 0; i < Args.Length; i++)
                {
                    var arg = Args[i];
                    var optional = arg.Required ? "required" : arg.Default is null ? "optional" : $"optional, default={arg.Default}";
                    text.Append(i + 1).Append(". ").Append(arg.Name).Append("    (").Append(arg.TypeName).Append(", ")
                        .Append(optional).Append(") ").Append(arg.Description).Append('\n');
                }
            }
            if (ResultHelp.Length > 0) text.Append("\nResult:\n").Append(ResultHelp).Append('\n');
            return text.ToString();
        }
    }
}
