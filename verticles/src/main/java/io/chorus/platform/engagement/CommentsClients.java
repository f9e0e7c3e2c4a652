package io.chorus.platform.engagement;

import io.chorus.contracts.Platform;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.facebook.FacebookComments;
import io.chorus.platform.instagram.InstagramComments;
import io.chorus.platform.linkedin.LinkedInComments;
import io.chorus.platform.tiktok.TikTokComments;
import io.chorus.platform.x.XComments;
import io.vertx.ext.web.client.WebClient;

/** Each platform's comments client. */
public final class CommentsClients {

  private CommentsClients() {}

  public static CommentsClient of(Platform platform, WebClient web, PlatformSettings settings) {
    return switch (platform) {
      case X -> new XComments(web, settings);
      case FACEBOOK -> new FacebookComments(web, settings);
      case INSTAGRAM -> new InstagramComments(web, settings);
      case LINKEDIN -> new LinkedInComments(web, settings);
      case TIKTOK -> new TikTokComments();
    };
  }
}
