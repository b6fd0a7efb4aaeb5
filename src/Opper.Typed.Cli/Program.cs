using Opper.Typed.Cli;

return await OpperCli.RunAsync(args, CliOutput.ForProcess(), Environment.GetEnvironmentVariable);
