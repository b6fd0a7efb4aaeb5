using System.Globalization;

namespace Opper.Typed
{
    /// <summary>
    /// WIDTHxHEIGHT of a resolution and aspect ratio, the resolution naming the short side ("720p" with "9:16" is
    /// 720x1280), rounded to even pixels. Linked into the generator and the emulator so both compute sizes alike.
    /// </summary>
    internal static class FrameSize
    {
        public static string? FromResolutionAndAspect(string resolution, string aspect)
        {
            var parts = aspect.Split(':');
            if (parts.Length != 2
                || !int.TryParse(resolution.TrimEnd('p', 'P'), NumberStyles.None, CultureInfo.InvariantCulture, out var shortSide)
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
                || width == 0 || height == 0)
            {
                return null;
            }

            var longSide = (int)System.Math.Round(shortSide * (double)System.Math.Max(width, height) / System.Math.Min(width, height) / 2) * 2;
            return width >= height ? $"{longSide}x{shortSide}" : $"{shortSide}x{longSide}";
        }
    }
}
