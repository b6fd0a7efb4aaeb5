// A paid job outlives the process that started it: `start` submits and exits, keeping only the job id; `resume`,
// in another process (after a restart, on another machine), waits for that job and downloads its clip.
//   dotnet run --project samples/ResumeJob -- start               -> prints gen_…, writes it to sample-output/job-id.txt
//   dotnet run --project samples/ResumeJob -- resume [gen_…]      -> waits if still running, then writes sample-output/resumed.mp4
// It talks to the API at OPPER_BASE_URL with OPPER_API_KEY. Jobs must outlive this process, so for a local try run
// an emulator beside it: `opper-typed emulator --port 5098`, then OPPER_BASE_URL=http://127.0.0.1:5098 OPPER_API_KEY=any.
using Opper.Typed;

// Under sample-output/, which .gitignore ignores: a run from the clone leaves nothing for git to list.
const string Output = "sample-output";
var idFile = Path.Combine(Output, "job-id.txt");
var clip = Path.Combine(Output, "resumed.mp4");
if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OpperVideoClientOptions.ApiKeyVariable)))
{
    Console.Error.WriteLine("Set OPPER_API_KEY (and OPPER_BASE_URL for a local emulator: see the comment at the top of Program.cs).");
    return 2;
}

using var client = new OpperVideoClient(new OpperVideoClientOptions());
switch (args)
{
    case ["start"]:
        var operation = await client.StartGenerationAsync(new Veo31FastGenerate001Request("a lighthouse in a storm") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds8 });
        Directory.CreateDirectory(Output);
        await File.WriteAllTextAsync(idFile, operation.Id);   // the id is all that is needed later: keep it somewhere durable
        Console.WriteLine(operation.Id);
        return 0;
    case ["resume", .. var rest]:
        if (rest.Length == 0 && !File.Exists(idFile))
        {
            Console.Error.WriteLine($"No {idFile} here: run `start` first, or pass the job id: resume gen_…");
            return 2;
        }

        var id = rest.Length > 0 ? rest[0] : (await File.ReadAllTextAsync(idFile)).Trim();
        try
        {
            // Rehydrated from the id alone: polls if it still runs, refreshes an expired download URL.
            Directory.CreateDirectory(Output);
            await client.GetGenerationOperation(id).DownloadToFileAsync(clip);
            Console.WriteLine($"Saved {clip} ({new FileInfo(clip).Length:N0} bytes) from job {id}.");
            return 0;
        }
        catch (OpperException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }

    default:
        Console.Error.WriteLine("usage: ResumeJob start | ResumeJob resume [job id]");
        return 2;
}
