using System.Text.Json.Nodes;

namespace Opper.Typed.Cli.Catalog;

/// <summary>What changed between two snapshots, model by model, with the typed class each change affects.</summary>
internal static class CatalogDiff
{
    public static IReadOnlyList<string> Compare(JsonObject? before, JsonObject after)
    {
        var old = before is null ? [] : CatalogFile.Models(before).Models.ToDictionary(m => m.Id);
        var now = CatalogFile.Models(after).Models.ToDictionary(m => m.Id);
        var oldClasses = before is null ? [] : CatalogFile.ClassNames(before);
        var classes = CatalogFile.ClassNames(after);
        string ClassOf(string id) => classes.GetValueOrDefault(id) ?? oldClasses.GetValueOrDefault(id) ?? "(no class)";
        var lines = new List<string>();
        foreach (var id in now.Keys.Except(old.Keys).Order())
        {
            lines.Add($"+ added    {id} -> {ClassOf(id)}");
        }

        foreach (var id in old.Keys.Except(now.Keys).Order())
        {
            lines.Add($"- removed  {id} -> {ClassOf(id)} no longer generated");
        }

        foreach (var id in now.Keys.Intersect(old.Keys).Order())
        {
            var (was, @is) = (old[id], now[id]);
            if (was.RetiredAt is null && @is.RetiredAt is not null)
            {
                lines.Add($"! retired  {id} on {@is.RetiredAt}{(@is.Successor is null ? "" : $", successor {@is.Successor}")} -> {ClassOf(id)} becomes [Obsolete]");
            }

            var changes = new List<string>();
            Compare(changes, "capabilities", was.Capabilities, @is.Capabilities);
            Compare(changes, "resolutions", was.Params?.Video?.Resolutions, @is.Params?.Video?.Resolutions);
            Compare(changes, "aspect_ratios", was.Params?.Video?.AspectRatios, @is.Params?.Video?.AspectRatios);
            if (was.Params?.Video?.MaxDuration != @is.Params?.Video?.MaxDuration)
            {
                changes.Add($"max_duration {was.Params?.Video?.MaxDuration} -> {@is.Params?.Video?.MaxDuration}");
            }

            if (was.Pricing?.PricePerSecond != @is.Pricing?.PricePerSecond || was.Pricing?.PricePerGeneration != @is.Pricing?.PricePerGeneration)
            {
                changes.Add("pricing");
            }

            if (changes.Count > 0)
            {
                lines.Add($"~ changed  {id} -> {ClassOf(id)}: {string.Join("; ", changes)}");
            }
        }

        return lines;
    }

    private static void Compare(List<string> changes, string name, IReadOnlyList<string>? before, IReadOnlyList<string>? after)
    {
        var (was, now) = (before ?? [], after ?? []);
        var added = now.Except(was).ToList();
        var removed = was.Except(now).ToList();
        if (added.Count + removed.Count > 0)
        {
            changes.Add($"{name} {string.Join(" ", added.Select(a => "+" + a).Concat(removed.Select(r => "-" + r)))}");
        }
    }
}
