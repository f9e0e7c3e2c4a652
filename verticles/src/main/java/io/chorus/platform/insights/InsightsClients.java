package io.chorus.platform.insights;

import io.chorus.contracts.Platform;
import io.chorus.platform.PlatformSettings;
import io.chorus.platform.facebook.FacebookInsights;
import io.chorus.platform.instagram.InstagramInsights;
import io.chorus.platform.linkedin.LinkedInInsights;
import io.chorus.platform.tiktok.TikTokInsights;
import io.chorus.platform.x.XInsights;
import io.vertx.ext.web.client.WebClient;

/** Each platform's insights client. */
public final class InsightsClients {

  private InsightsClients() {}

  public static InsightsClient of(Platform platform, WebClient web, PlatformSettings settings) {
    return switch (platform) {
      case X -> new XInsights(web, settings);
      case FACEBOOK -> new FacebookInsights(web, settings);
      case INSTAGRAM -> new InstagramInsights(web, settings);
      case LINKEDIN -> new LinkedInInsights(web, settings);
      case TIKTOK -> new TikTokInsights(web, settings);
    };
  }
}
