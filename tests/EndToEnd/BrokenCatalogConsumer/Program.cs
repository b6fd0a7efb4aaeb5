using Opper.Typed;
using Opper.Typed.Emulator;

await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions());
System.Console.WriteLine(new Veo31FastGenerate001Request("a cat").Model);
