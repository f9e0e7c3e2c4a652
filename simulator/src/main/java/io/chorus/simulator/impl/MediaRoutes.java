package io.chorus.simulator.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Serves demo media: one small JPEG for any {@code .jpg} name and a stub for any {@code .mp4}, so platforms have URLs to fetch. */
final class MediaRoutes {

  private static final int SIDE = 320;
  /**
   * Platforms pull videos from their URL and the simulator does not decode them, so any {@code .mp4}
   * name gets the same few bytes: an MP4 file-type box and nothing playable.
   */
  private static final Buffer MP4 = Buffer.buffer(new byte[] {
      0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'});

  private final Buffer jpeg;

  private MediaRoutes(Buffer jpeg) {
    this.jpeg = jpeg;
  }

  /** Draws the image once, on a worker, since ImageIO encoding blocks. */
  static Future<MediaRoutes> create(Vertx vertx) {
    return vertx.executeBlocking(MediaRoutes::drawJpeg).map(MediaRoutes::new);
  }

  void mount(Router router) {
    router.get("/media/:name").handler(this::serve);
    router.head("/media/:name").handler(this::serve);
  }

  private void serve(RoutingContext ctx) {
    String name = ctx.pathParam("name").toLowerCase();
    boolean video = name.endsWith(".mp4");
    if (!video && !name.endsWith(".jpg") && !name.endsWith(".jpeg")) {
      ctx.response().setStatusCode(404).end();
      return;
    }
    Buffer body = video ? MP4 : jpeg;
    ctx.response()
        .putHeader("Content-Type", video ? "video/mp4" : "image/jpeg")
        .putHeader("Content-Length", Integer.toString(body.length()));
    if (ctx.request().method().name().equals("HEAD")) {
      ctx.response().end();
    } else {
      ctx.response().end(body);
    }
  }

  private static Buffer drawJpeg() {
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setPaint(new GradientPaint(0, 0, new Color(0x6F4E37), SIDE, SIDE, new Color(0xF5DEB3)));
    graphics.fillRect(0, 0, SIDE, SIDE);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(out.toByteArray());
  }
}
