using System.Text.Json;

namespace Drivechain.Cli.Replay;

/// <summary>Prints replay results: one line per vector and a summary line, or a JSON report.</summary>
internal static class ReplayReport
{
    /// <summary>The line printed for one vector; with <paramref name="verbose"/> the failure details follow it.</summary>
    public static void WriteText(TextWriter output, VectorResult result, bool verbose)
    {
        if (result.Passed)
        {
            output.WriteLine($"PASS  {result.Path}  ({result.BlockCount} blocks)");
            return;
        }
        if (result.Error is not null)
        {
            output.WriteLine($"FAIL  {result.Path}  error: {result.Error}");
            return;
        }
        var m = result.Mismatch!;
        output.WriteLine($"FAIL  {result.Path}  block {m.Index}: {m.Problem}");
        if (!verbose) return;
        output.WriteLine($"      block:    {m.Index} of {result.BlockCount} (hash {m.Hash ?? "n/a"})");
        output.WriteLine($"      expected: {m.Expected}");
        output.WriteLine($"      node:     {m.Actual}");
        foreach (var difference in m.StateDifferences)
            output.WriteLine($"      state:    {difference}");
    }

    /// <summary>The final line: <c>N passed, M failed</c>.</summary>
    public static void WriteSummary(TextWriter output, int passed, int failed) =>
        output.WriteLine($"{passed} passed, {failed} failed");

    /// <summary>The machine-readable report printed by <c>--json</c>.</summary>
    public static void WriteJson(TextWriter output, IReadOnlyList<VectorResult> results)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", "drivechain-replay-report/1");
            json.WriteNumber("passed", results.Count(r => r.Passed));
            json.WriteNumber("failed", results.Count(r => !r.Passed));
            json.WriteStartArray("vectors");
            foreach (var result in results) WriteVector(json, result);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteVector(Utf8JsonWriter json, VectorResult result)
    {
        json.WriteStartObject();
        json.WriteString("path", result.Path);
        json.WriteString("name", result.Name);
        json.WriteBoolean("passed", result.Passed);
        json.WriteNumber("blocks", result.BlockCount);
        json.WriteNumber("blocksReplayed", result.BlocksReplayed);
        json.WriteNumber("elapsedMs", Math.Round(result.Elapsed.TotalMilliseconds, 3));
        if (result.Error is null) json.WriteNull("error");
        else json.WriteString("error", result.Error);
        if (result.Mismatch is not { } m)
        {
            json.WriteNull("mismatch");
        }
        else
        {
            json.WriteStartObject("mismatch");
            json.WriteNumber("block", m.Index);
            if (m.Hash is null) json.WriteNull("hash");
            else json.WriteString("hash", m.Hash);
            json.WriteString("expected", m.Expected);
            json.WriteString("actual", m.Actual);
            json.WriteString("problem", m.Problem);
            json.WriteStartArray("stateDifferences");
            foreach (var difference in m.StateDifferences) json.WriteStringValue(difference);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
