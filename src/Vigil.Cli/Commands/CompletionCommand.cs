using System.CommandLine;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil completion bash`: a completion script for the shell. It asks `vigil` itself what may come next (the
/// command-line library's suggest directive), so it never falls behind the commands.
/// </summary>
public static class CompletionCommand
{
    public const string BashScript = """
        # vigil completion for bash (and zsh after `autoload -U bashcompinit && bashcompinit`).
        _vigil_complete() {
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$(vigil "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _vigil_complete vigil
        """;

    public static Command Create(CliOutput io)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash (zsh reads the same script through bashcompinit)." };
        shell.AcceptOnlyFromAmong("bash");
        var command = new Command("completion", "Print a shell completion script; load it from your shell's start-up file.\n"
            + "Example: vigil completion bash > ~/.local/share/bash-completion/completions/vigil") { shell };
        command.SetAction(async (_, _) =>
        {
            await io.Out.WriteLineAsync(BashScript);
            return ExitCodes.Ok;
        });
        return command;
    }
}
