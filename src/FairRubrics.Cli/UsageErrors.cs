using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using FairRubrics.Loading;

namespace FairRubrics.Cli;

/// <summary>
/// One wording for every usage error, whichever command it is in: <c>fairrubrics: error: …</c> lines (an unknown
/// command or option with a did-you-mean, a missing option or value, a value that is not allowed), then
/// <c>Run 'fairrubrics COMMAND --help' for usage.</c>
/// </summary>
internal static partial class UsageErrors
{
    /// <summary>The closing line of every usage error.</summary>
    public static string HelpLine(Command? command) => $"Run '{Path(command)} --help' for usage.";

    /// <summary>The command's full name as typed: <c>fairrubrics lint</c>.</summary>
    public static string Path(Command? command)
    {
        var names = new List<string>();
        for (var c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Add(c.Name);
        }

        names.Reverse();
        return names.Count == 0 ? CliApp.CommandName : string.Join(' ', names);
    }

    /// <summary>An unknown option of a command, with the closest of its options.</summary>
    public static string UnknownOption(string token, Command command)
    {
        var name = token.Split('=', ':')[0];
        var options = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)))
            .Where(o => !o.Hidden)
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .Where(n => n.StartsWith("--", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var closest = Suggestions.Closest(name.TrimStart('-'), options.Select(o => o[2..]));
        return closest is null
            ? $"unknown option '{name}' for '{Path(command)}'"
            : $"unknown option '{name}' for '{Path(command)}'; did you mean '--{closest}'?";
    }

    /// <summary>The error lines of a parse that failed.</summary>
    public static List<string> Describe(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var lines = new List<string>();
        var unmatched = parsed.UnmatchedTokens;
        var skipValue = false;
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (token.StartsWith('-') && token.Length > 1)
            {
                lines.Add(UnknownOption(token, command));
                skipValue = !token.Contains('=', StringComparison.Ordinal);
                continue;
            }

            if (skipValue)
            {
                // The value of the unknown option before it: one problem, not two.
                skipValue = false;
                continue;
            }

            if (i == 0 && command.Subcommands.Count > 0 && !parsed.CommandResult.Children.Any())
            {
                var closest = Suggestions.Closest(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
                lines.Add(closest is null
                    ? $"unknown command '{token}'; the commands are {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}"
                    : $"unknown command '{token}'; did you mean '{closest}'?");
                break; // what follows belongs to the command that was meant
            }

            lines.Add($"unexpected argument '{token}' for '{Path(command)}'");
        }

        var unknownCommand = lines.Any(l => l.StartsWith("unknown command", StringComparison.Ordinal));
        foreach (var error in parsed.Errors)
        {
            if (unknownCommand && error.Message.StartsWith("Required command was not provided", StringComparison.Ordinal))
            {
                continue;
            }

            if (Reword(error.Message, command, OptionOf(error)) is { } line && !lines.Contains(line, StringComparer.Ordinal))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static Option? OptionOf(ParseError error) => error.SymbolResult switch
    {
        OptionResult o => o.Option,
        ArgumentResult { Parent: OptionResult o } => o.Option,
        _ => null,
    };

    private static string? Reword(string message, Command command, Option? option)
    {
        message = CliApp.OneLine(message);
        if (Unrecognized().IsMatch(message))
        {
            return null; // described from the unmatched tokens
        }

        if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
        {
            return $"no command given; the commands are {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
        }

        if (RequiredOption().Match(message) is { Success: true } required)
        {
            return $"missing option '{required.Groups[1].Value}' for '{Path(command)}'";
        }

        if (MissingOptionValue().Match(message) is { Success: true } value)
        {
            return $"option '{value.Groups[1].Value}' needs a value";
        }

        if (MissingArgument().Match(message) is { Success: true })
        {
            var argument = command.Arguments.FirstOrDefault();
            return argument is null
                ? $"missing argument for '{Path(command)}'"
                : $"missing {argument.Name.ToUpperInvariant()} for '{Path(command)}'";
        }

        if (NotOneOf().Match(message) is { Success: true } notOneOf)
        {
            var typed = notOneOf.Groups[1].Value;
            var allowed = Quoted().Matches(notOneOf.Groups[2].Value).Select(m => m.Groups[1].Value).ToList();
            var closest = Suggestions.Closest(typed, allowed);
            return $"'{typed}' is not allowed{(option is null ? string.Empty : $" for '{option.Name}'")}; use one of: {string.Join(", ", allowed)}{(closest is null ? string.Empty : $" (did you mean '{closest}'?)")}";
        }

        if (CannotParse().Match(message) is { Success: true } parse)
        {
            var kind = parse.Groups[3].Value switch
            {
                "System.Int32" or "System.Int64" => "a whole number",
                "System.Double" => "a number",
                "System.Boolean" => "true or false",
                "System.DateOnly" or "System.DateTime" => "a date such as 2025-12-31",
                var other => other,
            };
            return $"option '{parse.Groups[2].Value}' needs {kind}; got '{parse.Groups[1].Value}'";
        }

        // Anything else System.CommandLine reports, in our form: lower-case start, no closing full stop.
        var text = message.TrimEnd('.');
        return text.Length == 0 ? null : char.ToLowerInvariant(text[0]) + text[1..];
    }

    [GeneratedRegex(@"^Unrecognized command or argument '")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Option '([^']+)' is required")]
    private static partial Regex RequiredOption();

    [GeneratedRegex(@"^Required argument missing for option: '([^']+)'")]
    private static partial Regex MissingOptionValue();

    [GeneratedRegex(@"^Required argument missing for command: '([^']+)'")]
    private static partial Regex MissingArgument();

    [GeneratedRegex(@"^Argument '(.*)' not recognized\. Must be one of:(.*)$")]
    private static partial Regex NotOneOf();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for option '([^']+)' as expected type '([^']+)'")]
    private static partial Regex CannotParse();
}
