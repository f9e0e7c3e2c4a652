package io.chorus.simulator.images;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Paints the images the simulated generators return: a gradient whose colours follow the prompt. */
final class Painter {
  private Painter() {}

  /**
   * A real PNG or JPEG of the given size. Blocking (ImageIO encodes on the calling thread), so
   * callers run it in {@code executeBlocking}.
   */
  static byte[] paint(String prompt, int width, int height, String format) {
    int hash = prompt.hashCode();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setPaint(new GradientPaint(0, 0, new Color(hash & 0xFFFFFF), width, height,
        new Color((hash >>> 8) ^ 0xF5DEB3)));
    graphics.fillRect(0, 0, width, height);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpeg".equals(format) ? "jpg" : "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
