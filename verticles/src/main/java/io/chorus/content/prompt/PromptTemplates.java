package io.chorus.content.prompt;

import io.chorus.content.provider.Prompt;
import io.chorus.contracts.Platform;
import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.platform.PostType;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a generation request as a prompt: the system message from {@code content.prompts.system}
 * with the brand's voice, banned topics and words and the platform's rules filled in; the user
 * message lists the campaign's brief, key messages, hashtags, trends, call to action and angle,
 * one labelled line each.
 */
public final class PromptTemplates {
  private final String system;
  private final Map<Platform, PlatformPrompt> platforms;

  private PromptTemplates(String system, Map<Platform, PlatformPrompt> platforms) {
    this.system = system;
    this.platforms = platforms;
  }

  /** Reads {@code content.prompts} of the whole configuration. */
  public static PromptTemplates fromConfig(JsonObject config) {
    JsonObject prompts = config.getJsonObject("content", new JsonObject()).getJsonObject("prompts", new JsonObject());
    JsonObject byPlatform = prompts.getJsonObject("platforms", new JsonObject());
    Map<Platform, PlatformPrompt> platforms = new EnumMap<>(Platform.class);
    for (Platform platform : Platform.values()) {
      JsonObject section = byPlatform.getJsonObject(platform.id(), new JsonObject());
      platforms.put(platform, new PlatformPrompt(section.getString("style"), section.getString("length"),
          section.getString("hashtags"), section.getString("callToAction")));
    }
    return new PromptTemplates(prompts.getString("system", DEFAULT_SYSTEM), platforms);
  }

  /** Used when the configuration gives no system template. */
  public static final String DEFAULT_SYSTEM = "You write social media posts for {brand}. Brand voice: {voice}. "
      + "{bannedTopics}{bannedWords}Platform: {platform}. Style: {style}. Length: {length}. Hashtags: {hashtags}. "
      + "Call to action: {callToAction}. Reply with the text of the post only.";

  public Prompt render(GenerateRequest request, BrandProfile brand) {
    PlatformPrompt rules = platforms.get(request.platform());
    String voice = firstOf(request.voice(), brand.voice(), "clear and friendly");
    String systemText = system
        .replace("{brand}", brand.name())
        .replace("{voice}", voice)
        .replace("{bannedTopics}", brand.bannedTopics().isEmpty() ? ""
            : "Never mention these topics: " + String.join("; ", brand.bannedTopics()) + ". ")
        .replace("{bannedWords}", brand.bannedWords().isEmpty() ? ""
            : "Never use these words or phrases: " + String.join("; ", brand.bannedWords()) + ". ")
        .replace("{platform}", displayName(request.platform()))
        .replace("{style}", firstOf(rules.style(), "natural for the platform"))
        .replace("{length}", firstOf(rules.length(), "short"))
        .replace("{hashtags}", firstOf(rules.hashtags(), "a few, at the end"))
        .replace("{callToAction}", firstOf(rules.callToAction(), "end with it"));
    return new Prompt(systemText, user(request));
  }

  private static String user(GenerateRequest request) {
    StringBuilder user = new StringBuilder("Write one post for this campaign.\n");
    user.append("Brief: ").append(request.brief().strip()).append('\n');
    list(user, "Key messages:", request.keyMessages());
    if (!request.hashtags().isEmpty()) {
      user.append("Hashtags: ").append(String.join(" ", request.hashtags())).append('\n');
    }
    if (!request.trends().isEmpty()) {
      user.append("Trends: ").append(String.join("; ", request.trends())).append('\n');
    }
    if (request.callToAction() != null && !request.callToAction().isBlank()) {
      user.append("Call to action: ").append(request.callToAction().strip()).append('\n');
    }
    if (request.angle() != null && !request.angle().isBlank()) {
      user.append("Angle: ").append(request.angle().strip()).append('\n');
    }
    if (request.postType() == PostType.THREAD) {
      // Chorus splits the text into numbered posts at sentence ends, so it needs several posts' worth.
      user.append("Format: thread; use the brief and every key message, one sentence each, several posts long\n");
    }
    return user.toString();
  }

  private static void list(StringBuilder user, String label, List<String> items) {
    if (!items.isEmpty()) {
      user.append(label).append('\n');
      items.forEach(item -> user.append("- ").append(item).append('\n'));
    }
  }

  private static String displayName(Platform platform) {
    return switch (platform) {
      case FACEBOOK -> "Facebook";
      case X -> "X";
      case INSTAGRAM -> "Instagram";
      case LINKEDIN -> "LinkedIn";
      case TIKTOK -> "TikTok";
    };
  }

  private static String firstOf(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return "";
  }
}
