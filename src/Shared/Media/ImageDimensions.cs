namespace Opper.Typed.Core.Media
{
    /// <summary>
    /// Reads an image's pixel size from its header (PNG, JPEG, WebP, GIF) without decoding it, so a constant data-URI is
    /// measured at compile time exactly as a runtime one is.
    /// </summary>
    internal static class ImageDimensions
    {
        /// <summary>"WIDTHxHEIGHT" of a base64 data-URI image, or null when it is not one or its header cannot be read.</summary>
        public static string? OfDataUri(string dataUri)
        {
            var comma = dataUri.IndexOf(',');
            if (MediaSourceClassifier.DataUriMediaType(dataUri) is null || comma < 0)
            {
                return null;
            }

            byte[] bytes;
            try
            {
                bytes = System.Convert.FromBase64String(dataUri.Substring(comma + 1));
            }
            catch (System.FormatException)
            {
                return null;
            }

            return Read(bytes) is { } size ? size.Width + "x" + size.Height : null;
        }

        public static (int Width, int Height)? Read(byte[] b)
        {
            if (b.Length >= 24 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47)
            {
                return (BigEndian(b, 16), BigEndian(b, 20));
            }

            if (b.Length >= 10 && b[0] == (byte)'G' && b[1] == (byte)'I' && b[2] == (byte)'F')
            {
                return (b[6] | (b[7] << 8), b[8] | (b[9] << 8));
            }

            if (b.Length >= 30 && b[0] == (byte)'R' && b[8] == (byte)'W' && b[12] == (byte)'V' && b[13] == (byte)'P' && b[14] == (byte)'8')
            {
                switch ((char)b[15])
                {
                    case ' ': return (((b[26] | (b[27] << 8)) & 0x3FFF), ((b[28] | (b[29] << 8)) & 0x3FFF));
                    case 'L': return (1 + (b[21] | ((b[22] & 0x3F) << 8)), 1 + (((b[22] & 0xC0) >> 6) | (b[23] << 2) | ((b[24] & 0x0F) << 10)));
                    case 'X': return (1 + (b[24] | (b[25] << 8) | (b[26] << 16)), 1 + (b[27] | (b[28] << 8) | (b[29] << 16)));
                }
            }

            if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8)
            {
                // Walk the JPEG segments to the frame header (SOF0..SOF15, except DHT/JPG/DAC), which holds the size.
                var at = 2;
                while (at + 9 < b.Length && b[at] == 0xFF)
                {
                    var marker = b[at + 1];
                    var length = (b[at + 2] << 8) | b[at + 3];
                    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
                    {
                        return ((b[at + 7] << 8) | b[at + 8], (b[at + 5] << 8) | b[at + 6]);
                    }

                    at += 2 + length;
                }
            }

            return null;
        }

        private static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
    }
}
