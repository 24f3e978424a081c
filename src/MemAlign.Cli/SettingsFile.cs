using System.Text;
using System.Text.Json;
using MemAlign.Rubrics;

namespace MemAlign.Cli;

/// <summary>
/// Reads a settings file. System.Text.Json's reader rather than Microsoft.Extensions.Configuration.Json: that provider
/// flattens the file into keys without positions, so an unknown or secret key could not be reported at its line and
/// column; the reader gives each key's offset, and its syntax errors carry line and position. Comments and trailing
/// commas are allowed, as in appsettings.json; keys match case-insensitively, as .NET configuration keys do.
/// The tool only ever reads the file.
/// </summary>
internal static class SettingsFile
{
    private const string Store = "store", Experiment = "experiment", Model = "model", BaseUrl = "baseUrl", Json = "json", Verbose = "verbose", Prices = "prices", Models = "models";

    private static readonly string[] Keys = [Store, Experiment, Model, BaseUrl, Json, Verbose, Prices, Models];
    private static readonly string[] PriceKeys = [.. ModelPrice.Keys, ModelPrice.CachedInputAlias];

    // Words of key names that would hold a secret (after lowercasing and dropping '_', '-' and '.': apiKey, api_key, OPENAI_API_KEY).
    private static readonly string[] PasswordWords = ["password", "passwd", "pwd"];
    private static readonly string[] SecretWords = ["key", "token", "secret", "credential"];

    /// <summary>The settings of <paramref name="configOption"/> (--config), else of memalign.json in <paramref name="workingDirectory"/> when there is one.</summary>
    /// <exception cref="UsageException">The --config file is missing, or the file is not valid JSON, has an unknown key, a value of the wrong type, or a secret; the message gives file:line:column.</exception>
    public static ToolSettings Load(string? configOption, string workingDirectory)
    {
        string path, shown;
        if (configOption is not null)
        {
            path = Path.GetFullPath(configOption, workingDirectory);
            shown = configOption;
            if (!File.Exists(path))
            {
                var full = path == configOption ? "" : $" ({path})";
                throw new UsageException($"--config: there is no settings file '{configOption}'{full}; give the path of a JSON file, or leave --config out to read {ToolSettings.DefaultFileName} from the working directory when there is one.");
            }
        }
        else
        {
            path = Path.Combine(workingDirectory, ToolSettings.DefaultFileName);
            shown = ToolSettings.DefaultFileName;
            if (!File.Exists(path))
            {
                return ToolSettings.None;
            }
        }

        return Read(File.ReadAllBytes(path), shown, Path.GetDirectoryName(path)!);
    }

    /// <summary>The settings in <paramref name="bytes"/>, a file named <paramref name="file"/> in messages, whose relative store path is resolved against <paramref name="directory"/>.</summary>
    internal static ToolSettings Read(ReadOnlySpan<byte> bytes, string file, string directory)
    {
        var json = bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
        var problems = new List<string>();
        var values = new Dictionary<string, (JsonElement Value, string At)>(StringComparer.OrdinalIgnoreCase);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new UsageException($"{file}:1:1: a settings file is one JSON object, such as {{ \"store\": \".memalign/memalign.db\" }}.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var at = $"{file}:{Position(json, reader.TokenStartIndex)}";
                reader.Read();
                using var document = JsonDocument.ParseValue(ref reader);
                if (Problem(name, document.RootElement, at, file) is { } problem)
                {
                    problems.Add(problem);
                }
                else if (values.TryGetValue(name, out var earlier))
                {
                    problems.Add($"{at}: '{name}' is set twice (first at {earlier.At}); keep one.");
                }
                else
                {
                    values[name] = (document.RootElement.Clone(), at);
                }
            }

            reader.Read(); // anything after the object is an error of the reader's
        }
        catch (JsonException e)
        {
            var message = e.Message.Split(" LineNumber:", StringSplitOptions.None)[0].Trim();
            throw new UsageException($"{file}:{Position(json, e.LineNumber ?? 0, e.BytePositionInLine ?? 0)}: not valid JSON: {message}");
        }

        if (problems.Count > 0)
        {
            throw new UsageException(string.Join(" ", problems));
        }

        string? Text(string key) => values.TryGetValue(key, out var v) && v.Value.ValueKind == JsonValueKind.String ? v.Value.GetString() : null;
        bool? Flag(string key) => values.TryGetValue(key, out var v) && v.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.Value.GetBoolean() : null;
        return new ToolSettings
        {
            File = file,
            Store = Text(Store) is { } store ? StoreChoice.ResolveAgainst(store, directory) : null,
            Experiment = Text(Experiment),
            Model = Text(Model),
            BaseUrl = Text(BaseUrl),
            Json = Flag(Json),
            Verbose = Flag(Verbose),
            Prices = values.TryGetValue(Prices, out var prices) && prices.Value.ValueKind == JsonValueKind.Object ? ReadPrices(prices.Value) : ToolSettings.None.Prices,
            Models = values.TryGetValue(Models, out var models) && models.Value.ValueKind == JsonValueKind.Object ? ReadModels(models.Value) : ToolSettings.None.Models,
        };
    }

    // Already checked by PriceProblem: every entry is an object of non-negative numbers with input and output.
    private static Dictionary<string, ModelPrice> ReadPrices(JsonElement prices)
    {
        static decimal? Price(JsonElement entry, string key) =>
            entry.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.Number } found ? found.Value.GetDecimal() : null;
        return prices.EnumerateObject().ToDictionary(
            model => model.Name,
            model => new ModelPrice(Price(model.Value, ModelPrice.InputKey)!.Value, Price(model.Value, ModelPrice.OutputKey)!.Value,
                Price(model.Value, ModelPrice.CachedKey) ?? Price(model.Value, ModelPrice.CachedInputAlias), Price(model.Value, ModelPrice.BatchInputKey), Price(model.Value, ModelPrice.BatchOutputKey)),
            StringComparer.OrdinalIgnoreCase);
    }

    // Already checked by ModelsProblem.
    private static Dictionary<string, ModelSettings> ReadModels(JsonElement models) =>
        models.EnumerateObject().ToDictionary(model => model.Name, model => ReadModel(model.Value), StringComparer.OrdinalIgnoreCase);

    private static ModelSettings ReadModel(JsonElement entry)
    {
        JsonElement? Setting(string key) =>
            entry.EnumerateObject().Where(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();
        int? Tokens(string key) => Setting(key) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var tokens) ? tokens : null;
        var temperature = Setting(ModelSettings.TemperatureKey);
        return new ModelSettings
        {
            SetsTemperature = temperature is not null,
            Temperature = temperature is { ValueKind: JsonValueKind.Number } t && t.TryGetSingle(out var value) ? value : null,
            MaxOutputTokens = Tokens(ModelSettings.MaxOutputTokensKey),
            MaxOutputTokensOnTruncation = Tokens(ModelSettings.MaxOutputTokensOnTruncationKey),
        };
    }

    // What is wrong with the models object, or null: { "MODEL": { "temperature": N|null, "maxOutputTokens": N, "maxOutputTokensOnTruncation": N }, ... }.
    private static string? ModelsProblem(string name, JsonElement value, string at)
    {
        const string Example = "such as \"models\": { \"o4-mini\": { \"temperature\": null, \"maxOutputTokens\": 4000, \"maxOutputTokensOnTruncation\": 16000 } }";
        if (value.ValueKind != JsonValueKind.Object)
        {
            return $"{at}: '{name}' is an object of how to call each model, {Example}; not {Describe(value)}.";
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in value.EnumerateObject())
        {
            var entry = $"{name}.{model.Name}";
            if (!seen.Add(model.Name))
            {
                return $"{at}: '{name}' sets model '{model.Name}' twice; keep one.";
            }

            if (model.Value.ValueKind != JsonValueKind.Object)
            {
                return $"{at}: '{entry}' is an object of settings, {Example}; not {Describe(model.Value)}.";
            }

            var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var setting in model.Value.EnumerateObject())
            {
                var key = Array.Find(ModelSettings.Keys, k => string.Equals(k, setting.Name, StringComparison.OrdinalIgnoreCase));
                if (key is null)
                {
                    var closest = NameRules.Closest(setting.Name, ModelSettings.Keys);
                    return $"{at}: '{entry}' has an unknown setting '{setting.Name}'{(closest is null ? "" : $"; did you mean '{closest}'?")} (a model takes {string.Join(", ", ModelSettings.Keys)}).";
                }

                if (!keys.Add(key))
                {
                    return $"{at}: '{entry}' sets '{key}' twice; keep one.";
                }

                var problem = key == ModelSettings.TemperatureKey
                    ? setting.Value.ValueKind == JsonValueKind.Null || (setting.Value.ValueKind == JsonValueKind.Number && setting.Value.TryGetSingle(out var t) && float.IsFinite(t) && t >= 0)
                        ? null
                        : "a number of at least 0, or null to send none (for models that accept only their default)"
                    : setting.Value.ValueKind == JsonValueKind.Number && setting.Value.TryGetInt32(out var tokens) && tokens > 0
                        ? null
                        : "a whole number of tokens, at least 1";
                if (problem is not null)
                {
                    return $"{at}: '{entry}.{setting.Name}' is {problem}, not {(setting.Value.ValueKind == JsonValueKind.Number ? setting.Value.GetRawText() : Describe(setting.Value))}.";
                }
            }

            if (ReadModel(model.Value) is { MaxOutputTokens: { } budget, MaxOutputTokensOnTruncation: { } larger } && larger <= budget)
            {
                return $"{at}: '{entry}.{ModelSettings.MaxOutputTokensOnTruncationKey}' ({larger}) is the budget asked for when a reply is cut off at {ModelSettings.MaxOutputTokensKey} ({budget}), so it must be larger.";
            }
        }

        return null;
    }

    // What is wrong with the prices object, or null: { "MODEL": { "input": N, "cached": N, "output": N, "batchInput": N, "batchOutput": N }, ... } per million tokens.
    private static string? PriceProblem(string name, JsonElement value, string at)
    {
        const string Example = "such as \"prices\": { \"gpt-4.1-mini\": { \"input\": 0.40, \"cached\": 0.10, \"output\": 1.60 } } (per million tokens)";
        if (value.ValueKind != JsonValueKind.Object)
        {
            return $"{at}: '{name}' is an object of model prices, {Example}; not {Describe(value)}.";
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in value.EnumerateObject())
        {
            if (!seen.Add(model.Name))
            {
                return $"{at}: '{name}' prices model '{model.Name}' twice; keep one.";
            }

            if (model.Value.ValueKind != JsonValueKind.Object)
            {
                return $"{at}: '{name}.{model.Name}' is an object with input and output prices per million tokens, {Example}; not {Describe(model.Value)}.";
            }

            foreach (var price in model.Value.EnumerateObject())
            {
                var key = Array.Find(PriceKeys, k => string.Equals(k, price.Name, StringComparison.OrdinalIgnoreCase));
                if (key is null)
                {
                    return $"{at}: '{name}.{model.Name}' has an unknown price '{price.Name}'; a model's prices are {string.Join(", ", ModelPrice.Keys)} ({ModelPrice.CachedInputAlias} is read as {ModelPrice.CachedKey}).";
                }

                if (price.Value.ValueKind != JsonValueKind.Number || !price.Value.TryGetDecimal(out var amount) || amount < 0)
                {
                    return $"{at}: '{name}.{model.Name}.{price.Name}' is a price per million tokens, a number of at least 0, not {(price.Value.ValueKind == JsonValueKind.Number ? price.Value.GetRawText() : Describe(price.Value))}.";
                }
            }

            if (model.Value.EnumerateObject().Count(p => p.Name.Equals(ModelPrice.CachedKey, StringComparison.OrdinalIgnoreCase) || p.Name.Equals(ModelPrice.CachedInputAlias, StringComparison.OrdinalIgnoreCase)) > 1)
            {
                return $"{at}: '{name}.{model.Name}' gives both {ModelPrice.CachedKey} and {ModelPrice.CachedInputAlias} (the same price); keep {ModelPrice.CachedKey}.";
            }

            var missing = new[] { ModelPrice.InputKey, ModelPrice.OutputKey }.Where(k => !model.Value.EnumerateObject().Any(p => string.Equals(p.Name, k, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (missing.Length > 0)
            {
                return $"{at}: '{name}.{model.Name}' has no {string.Join(" or ", missing)} price; give both input and output, {Example}.";
            }
        }

        return null;
    }

    // What is wrong with one key and its value, or null. Secrets first: a secret is refused whatever its key is called.
    private static string? Problem(string name, JsonElement value, string at, string file)
    {
        var normalized = new string([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
        if (PasswordWords.Any(normalized.Contains))
        {
            return $"{at}: '{name}' would hold a password, and {file} must never hold a secret: give a PostgreSQL password in PGPASSWORD or ~/.pgpass "
                + $"(or the whole connection string in {StoreChoice.Variable}), and remove '{name}' from the file.";
        }

        if (SecretWords.Any(normalized.Contains) || (value.ValueKind == JsonValueKind.String && value.GetString()!.StartsWith("sk-", StringComparison.Ordinal)))
        {
            return $"{at}: '{name}' would hold a secret, and {file} must never hold one: set the OPENAI_API_KEY environment variable instead, and remove '{name}' from the file.";
        }

        if (name == "$schema")
        {
            return null;
        }

        var key = Array.Find(Keys, k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (key is null)
        {
            var closest = NameRules.Closest(name, Keys);
            return $"{at}: unknown setting '{name}'{(closest is null ? "" : $"; did you mean '{closest}'?")} ({file} takes {string.Join(", ", Keys)}).";
        }

        if (key is Prices)
        {
            return value.ValueKind == JsonValueKind.Null ? null : PriceProblem(name, value, at);
        }

        if (key is Models)
        {
            return value.ValueKind == JsonValueKind.Null ? null : ModelsProblem(name, value, at);
        }

        if (key is Json or Verbose)
        {
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null
                ? null
                : $"{at}: '{name}' is true or false, not {Describe(value)}.";
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return $"{at}: '{name}' is a string, not {Describe(value)}.";
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"{at}: '{name}' is blank; give a value or remove the key.";
        }

        var url = key == BaseUrl && Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps) ? parsed : null;
        return key switch
        {
            Store when StoreChoice.HoldsPassword(text) =>
                $"{at}: '{name}' holds a connection string with a password, and {file} must never hold a secret: remove the password and give it in PGPASSWORD or ~/.pgpass, "
                + $"or put the whole connection string in {StoreChoice.Variable}.",
            BaseUrl when url is null =>
                $"{at}: '{name}' is not an absolute http(s) URL such as http://localhost:11434/v1.",
            BaseUrl when url!.UserInfo.Length > 0 =>
                $"{at}: '{name}' holds credentials (user:password@), and {file} must never hold a secret: remove them, and set OPENAI_API_KEY for the key.",
            _ => null,
        };
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };

    // "line:column" (both 1-based, the column in characters) of a byte offset.
    private static string Position(ReadOnlySpan<byte> json, long offset)
    {
        var before = json[..(int)Math.Min(offset, json.Length)];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return Position(json, before.Count((byte)'\n'), offset - lineStart);
    }

    // "line:column" (both 1-based, the column in characters) of a 0-based line and byte position in it, as the reader's errors give them.
    private static string Position(ReadOnlySpan<byte> json, long line, long bytePosition)
    {
        var start = 0;
        for (var i = 0; i < line && start < json.Length; i++)
        {
            var next = json[start..].IndexOf((byte)'\n');
            start = next < 0 ? json.Length : start + next + 1;
        }

        var end = (int)Math.Min(json.Length, start + bytePosition);
        return $"{line + 1}:{Encoding.UTF8.GetCharCount(json[start..end]) + 1}";
    }
}
