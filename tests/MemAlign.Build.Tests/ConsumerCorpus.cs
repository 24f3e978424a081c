using System.Text.RegularExpressions;

namespace MemAlign.Build.Tests;

/// <summary>
/// The mistake corpus, built by the real compiler: consumer projects that reference the packed MemAlign
/// package, written in a temporary folder and built together with one 'dotnet build'. Each corpus file
/// marks the lines where a diagnostic must appear with <c>// expect: ID</c> (<c>ID@-2</c>: two lines above).
/// A corpus file may come with a memory file of the same name (<c>Maj013_StaleRubric.memalign.json</c>),
/// copied into the project's <c>judges/</c> folder, where the package picks it up; its markers are
/// comments too, which the copy removes (JSON has none), leaving every line where it was.
/// </summary>
public sealed partial class ConsumerCorpus : IAsyncLifetime
{
    private readonly PackedPackage _package = new();

    public static string CorpusFolder { get; } = Path.Combine(PackedPackage.Repository, "tests", "MemAlign.Build.Tests", "Corpus");

    public static IReadOnlyList<string> Mistakes { get; } =
        Directory.GetFiles(Path.Combine(CorpusFolder, "Mistakes"), "*.cs").Order(StringComparer.Ordinal).ToList();

    /// <summary>The diagnostics the build printed, per project.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<BuildDiagnostic>> Diagnostics { get; private set; } = new Dictionary<string, IReadOnlyList<BuildDiagnostic>>();

    /// <summary>The whole build log.</summary>
    public string Log { get; private set; } = "";

    /// <summary>What the valid consumer printed when run.</summary>
    public string ValidOutput { get; private set; } = "";

    public static string AloneName(string file) => "alone-" + Path.GetFileNameWithoutExtension(file);

    public async Task InitializeAsync()
    {
        await _package.InitializeAsync();
        var extra = Path.Combine(CorpusFolder, "Extra");
        WriteProject("all", Mistakes, strict: false);
        foreach (var file in Mistakes)
        {
            WriteProject(AloneName(file), [file], strict: false);
        }

        WriteProject("body-error", [.. Mistakes, Path.Combine(extra, "BodyError.cs")], strict: false);
        WriteProject("declaration-error", [.. Mistakes, Path.Combine(extra, "DeclarationError.cs")], strict: false);
        WriteProject("warnings-as-errors", Mistakes, strict: true);
        WriteProject("valid", Directory.GetFiles(Path.Combine(CorpusFolder, "Valid"), "*.cs"), strict: true, documented: true, exe: true);
        WriteHelpfulnessSample("sample-helpfulness", reworded: false);
        WriteHelpfulnessSample("sample-helpfulness-reworded", reworded: true);

        var projects = Directory.GetDirectories(_package.Root).Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj"))).Order(StringComparer.Ordinal).ToList();
        await DotNet.RunAsync(_package.Root, "new", "sln", "--name", "corpus", "--format", "sln");
        await DotNet.RunAsync(_package.Root, ["sln", "corpus.sln", "add", .. projects.Select(p => Path.Combine(p, Path.GetFileName(p) + ".csproj"))]);
        // The console logger may print a diagnostic more than once; the file logger writes each one the compiler reports once.
        var errors = Path.Combine(_package.Root, "diagnostics.log");
        var build = await DotNet.RunAsync(_package.Root, "build", "corpus.sln", "-nologo", $"-flp:logfile={errors};verbosity=quiet");
        Log = build.Output;
        Diagnostics = Parse(await File.ReadAllTextAsync(errors)).GroupBy(d => d.Project).ToDictionary(g => g.Key, g => (IReadOnlyList<BuildDiagnostic>)g.ToList());

        var valid = Path.Combine(_package.Root, "valid", "bin", "Debug", "net10.0", "valid.dll");
        if (File.Exists(valid))
        {
            ValidOutput = (await DotNet.RunAsync(_package.Root, valid)).Output;
        }
    }

    public Task DisposeAsync() => _package.DisposeAsync();

    public IReadOnlyList<BuildDiagnostic> For(string project) => Diagnostics.TryGetValue(project, out var found) ? found : [];

    /// <summary>The diagnostics the files' markers expect, as (file name, line, id).</summary>
    public static IReadOnlyList<(string File, int Line, string Id)> Expected(IEnumerable<string> files) =>
        files.SelectMany(file => MemoryFileOf(file) is { } memory ? [file, memory] : new[] { file }).SelectMany(file => File.ReadAllLines(file).SelectMany((text, index) =>
            ExpectMarker().Match(text) is { Success: true } match
                ? match.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id =>
                    id.Split('@') is [var code, var offset] ? (Path.GetFileName(file), index + 1 + int.Parse(offset, System.Globalization.CultureInfo.InvariantCulture), code) : (Path.GetFileName(file), index + 1, id))
                : []))
        .Order()
        .ToList();

    private void WriteProject(string name, IEnumerable<string> files, bool strict, bool documented = false, bool exe = false)
    {
        var folder = Path.Combine(_package.Root, name);
        Directory.CreateDirectory(folder);
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            if (MemoryFileOf(file) is { } memory)
            {
                Directory.CreateDirectory(Path.Combine(folder, "judges"));
                File.WriteAllText(Path.Combine(folder, "judges", Path.GetFileName(memory)), ExpectComment().Replace(File.ReadAllText(memory), ""));
            }
        }

        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>{(exe ? "Exe" : "Library")}</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>{(strict ? "true" : "false")}</TreatWarningsAsErrors>
                <AnalysisLevel>{(strict ? "latest-recommended" : "latest")}</AnalysisLevel>
                <GenerateDocumentationFile>{(documented ? "true" : "false")}</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MemAlign" Version="{_package.Version}" />
              </ItemGroup>
            </Project>
            """);
    }

    /// <summary>The Helpfulness sample's judge and its committed memory file, as they are or with the rubric reworded.</summary>
    public static string HelpfulnessSample { get; } = Path.Combine(PackedPackage.Repository, "samples", "Helpfulness");

    /// <summary>The words the reworded copy of the Helpfulness rubric adds.</summary>
    public const string Rewording = "helpful and polite";

    private void WriteHelpfulnessSample(string name, bool reworded)
    {
        var folder = Path.Combine(_package.Root, name);
        Directory.CreateDirectory(Path.Combine(folder, "judges"));
        var declarations = File.ReadAllText(Path.Combine(HelpfulnessSample, "Declarations.cs"));
        if (reworded)
        {
            var changed = declarations.Replace("response is helpful given", $"response is {Rewording} given", StringComparison.Ordinal);
            if (changed == declarations)
            {
                throw new InvalidOperationException("samples/Helpfulness/Declarations.cs no longer holds the rubric words this test rewords; update the test.");
            }

            declarations = changed;
        }

        File.WriteAllText(Path.Combine(folder, "Declarations.cs"), declarations);
        File.Copy(Path.Combine(HelpfulnessSample, "judges", "helpfulness.memalign.json"), Path.Combine(folder, "judges", "helpfulness.memalign.json"));
        // Warnings stay warnings here: the stale memory is a warning a build reports, not an error.
        WriteProject(name, [], strict: false);
    }

    /// <summary>The memory file that comes with a corpus file, if any.</summary>
    public static string? MemoryFileOf(string file) =>
        Path.ChangeExtension(file, ".memalign.json") is var memory && File.Exists(memory) ? memory : null;

    private static IEnumerable<BuildDiagnostic> Parse(string log)
    {
        foreach (var line in log.Split('\n'))
        {
            if (DiagnosticLine().Match(line.TrimEnd('\r')) is { Success: true } m)
            {
                yield return new BuildDiagnostic(
                    Path.GetFileNameWithoutExtension(m.Groups["project"].Value),
                    Path.GetFileName(m.Groups["path"].Value),
                    int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    m.Groups["severity"].Value,
                    m.Groups["id"].Value,
                    m.Groups["message"].Value,
                    line.Trim());
            }
        }
    }

    [GeneratedRegex(@"//\s*expect:\s*(?<ids>[A-Z]+\d+(@-?\d+)?(\s+[A-Z]+\d+(@-?\d+)?)*)")]
    private static partial Regex ExpectMarker();

    [GeneratedRegex(@"[ \t]*//\s*expect:[^\n]*")]
    private static partial Regex ExpectComment();

    [GeneratedRegex(@"^\s*(?<path>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<id>[A-Z]+\d+): (?<message>.*) \[(?<project>[^\]]+)\]$")]
    private static partial Regex DiagnosticLine();
}

/// <summary>One diagnostic line of the build log.</summary>
public sealed record BuildDiagnostic(string Project, string File, int Line, string Severity, string Id, string Message, string Text);
