package io.chorus.platform;

import io.chorus.contracts.Platform;
import io.chorus.platform.facebook.FacebookClient;
import io.chorus.platform.facebook.FacebookTextFitter;
import io.chorus.platform.instagram.InstagramClient;
import io.chorus.platform.instagram.InstagramTextFitter;
import io.chorus.platform.linkedin.LinkedInClient;
import io.chorus.platform.linkedin.LinkedInTextFitter;
import io.chorus.platform.tiktok.TikTokClient;
import io.chorus.platform.tiktok.TikTokTextFitter;
import io.chorus.platform.x.XClient;
import io.chorus.platform.x.XTextFitter;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;

/** Each platform's text fitter and API client. */
public final class Platforms {

  private Platforms() {}

  public static TextFitter fitter(Platform platform) {
    return switch (platform) {
      case X -> new XTextFitter();
      case FACEBOOK -> new FacebookTextFitter();
      case INSTAGRAM -> new InstagramTextFitter();
      case LINKEDIN -> new LinkedInTextFitter();
      case TIKTOK -> new TikTokTextFitter();
    };
  }

  public static PlatformClient client(
      Platform platform, Vertx vertx, WebClient web, PlatformSettings settings, PublishOptions options) {
    return switch (platform) {
      case X -> new XClient(web, settings);
      case FACEBOOK -> new FacebookClient(web, settings, options);
      case INSTAGRAM -> new InstagramClient(vertx, web, settings);
      case LINKEDIN -> new LinkedInClient(web, settings);
      case TIKTOK -> new TikTokClient(vertx, web, settings, options);
    };
  }
}
