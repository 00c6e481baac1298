using System.CommandLine;
using ScalingLaws.Data;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Words a command line that does not parse: an unknown or missing command is named, with the closest command.</summary>
internal static class CommandLineErrors
{
    /// <summary>The error messages of <paramref name="parse"/>, an unknown or missing command said in plain words.</summary>
    public static IEnumerable<string> Describe(ParseResult parse)
    {
        if (parse.CommandResult.Command is RootCommand root)
        {
            var commands = root.Subcommands.Select(c => c.Name).ToList();
            string list = "Commands: " + string.Join(", ", commands) + ".";
            var word = parse.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-'));
            if (word is not null)
            {
                string typed = word.ToLowerInvariant();
                var closest = commands.Where(c => ClosestName.Distance(typed, c) <= Math.Max(1, typed.Length / 3)
                        || (typed.Length == c.Length && typed.Order().SequenceEqual(c.Order())))
                    .OrderBy(c => ClosestName.Distance(typed, c)).FirstOrDefault();
                return [$"unknown command '{word}'{(closest is null ? "." : $"; did you mean '{closest}'?")} {list}"];
            }
            if (parse.Errors.Count > 0 && parse.UnmatchedTokens.Count == 0 && parse.Tokens.Count == 0)
                return ["no command given. " + list];
        }
        return parse.Errors.Select(e => e.Message);
    }
}
