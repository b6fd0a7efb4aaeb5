using Opper.Typed.Cli;
using Spectre.Console;

return await OpperCli.RunAsync(args, AnsiConsole.Console, Environment.GetEnvironmentVariable);
