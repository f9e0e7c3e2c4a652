package io.chorus.content.image;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a file is, read from its own bytes: PNG or JPEG, width and height, size and SHA-256. A file
 * that is neither is refused, so nothing that is not an image is ever served as one.
 */
public record ImageFacts(String contentType, int width, int height, int bytes, String sha256) {

  /** @throws IllegalArgumentException when the bytes are not a PNG or JPEG image */
  public static ImageFacts of(byte[] file) {
    int[] size = isPng(file) ? pngSize(file) : isJpeg(file) ? jpegSize(file) : null;
    if (size == null) {
      throw new IllegalArgumentException("not a PNG or JPEG image (" + file.length + " bytes)");
    }
    return new ImageFacts(isPng(file) ? "image/png" : "image/jpeg", size[0], size[1], file.length, sha256(file));
  }

  private static boolean isPng(byte[] f) {
    return f.length > 24 && (f[0] & 0xFF) == 0x89 && f[1] == 'P' && f[2] == 'N' && f[3] == 'G';
  }

  private static boolean isJpeg(byte[] f) {
    return f.length > 4 && (f[0] & 0xFF) == 0xFF && (f[1] & 0xFF) == 0xD8;
  }

  /** Width and height from the IHDR chunk, which a PNG always has first. */
  private static int[] pngSize(byte[] f) {
    ByteBuffer buffer = ByteBuffer.wrap(f);
    return new int[] {buffer.getInt(16), buffer.getInt(20)};
  }

  /** Width and height from the first start-of-frame marker (SOF0 to SOF15, except DHT, JPG and DAC). */
  private static int[] jpegSize(byte[] f) {
    int i = 2;
    while (i + 9 < f.length) {
      if ((f[i] & 0xFF) != 0xFF) {
        return null;
      }
      int marker = f[i + 1] & 0xFF;
      int length = ((f[i + 2] & 0xFF) << 8) | (f[i + 3] & 0xFF);
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        int height = ((f[i + 5] & 0xFF) << 8) | (f[i + 6] & 0xFF);
        int width = ((f[i + 7] & 0xFF) << 8) | (f[i + 8] & 0xFF);
        return new int[] {width, height};
      }
      i += 2 + length;
    }
    return null;
  }

  private static String sha256(byte[] file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
