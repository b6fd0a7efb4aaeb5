using System;
using System.Globalization;

namespace Opper.Typed
{
    /// <summary>
    /// The frame size a resolution and aspect ratio stand for: the resolution names the short side (<c>720p</c> with
    /// <c>9:16</c> is <c>720x1280</c>), rounded to even pixels. The generator derives Sora's sizes with it and the
    /// emulator sizes its clips with it; use it to prepare an image of the size a model will render.
    /// </summary>
    static partial class VideoFrameSize
    {
        /// <summary>WIDTHxHEIGHT, e.g. <c>1280x720</c>; null when either value is not of the form <c>720p</c> / <c>16:9</c>.</summary>
        /// <param name="resolution">A resolution such as <c>720p</c> or <c>1080P</c>.</param>
        /// <param name="aspectRatio">An aspect ratio such as <c>16:9</c>.</param>
        /// <returns>The size, or null.</returns>
        public static string? FromResolutionAndAspect(string resolution, string aspectRatio)
        {
            if (resolution is null || aspectRatio is null)
            {
                return null;
            }

            var parts = aspectRatio.Split(':');
            if (parts.Length != 2
                || !int.TryParse(resolution.TrimEnd('p', 'P'), NumberStyles.None, CultureInfo.InvariantCulture, out var shortSide)
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
                || width == 0 || height == 0 || shortSide == 0 || shortSide > 100_000)
            {
                return null;
            }

            var exact = shortSide * (double)Math.Max(width, height) / Math.Min(width, height);
            if (exact > 1_000_000)
            {
                return null;
            }

            var longSide = (int)Math.Round(exact / 2) * 2;
            return width >= height ? $"{longSide}x{shortSide}" : $"{shortSide}x{longSide}";
        }
    }
}
