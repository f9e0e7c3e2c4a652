package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.content.prompt.BrandProfile;
import io.chorus.content.prompt.PromptTemplates;
import io.chorus.content.provider.Prompt;
import io.chorus.contracts.Platform;
import io.chorus.contracts.content.GenerateRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Prompts from the configured templates")
class PromptTemplatesTest {
  private static final JsonObject CONFIG = new JsonObject()
      .put("content", new JsonObject().put("prompts", new JsonObject()
          .put("system", "Posts for {brand}. Voice: {voice}. {bannedTopics}{bannedWords}On {platform}: {style}; {length};"
              + " hashtags {hashtags}; CTA {callToAction}.")
          .put("platforms", new JsonObject().put("linkedin", new JsonObject()
              .put("style", "professional").put("length", "three sentences").put("hashtags", "two at the end")
              .put("callToAction", "invite to learn more")))))
      .put("brands", new JsonArray().add(new JsonObject().put("id", "northwind").put("name", "Northwind Coffee Roasters")
          .put("voice", "warm").put("bannedTopics", new JsonArray().add("politics").add("caffeine health claims"))
          .put("bannedWords", new JsonArray().add("cheap"))));

  private final PromptTemplates templates = PromptTemplates.fromConfig(CONFIG);
  private final BrandProfile brand = BrandProfile.fromConfig(CONFIG).get("northwind");

  @Test
  @DisplayName("the system prompt carries the brand's voice, banned topics and words, and the platform's rules")
  void systemPrompt() {
    Prompt prompt = templates.render(withAngle(null), brand);
    assertThat(prompt.system()).isEqualTo("Posts for Northwind Coffee Roasters. Voice: warm and plain. Never mention these"
        + " topics: politics; caffeine health claims. Never use these words or phrases: cheap. On LinkedIn: professional;"
        + " three sentences; hashtags two at the end; CTA invite to learn more.");
  }

  @Test
  @DisplayName("the user prompt lists the brief, key messages, hashtags, trends and call to action, one labelled line each")
  void userPrompt() {
    Prompt prompt = templates.render(withAngle(null), brand);
    assertThat(prompt.user()).contains("Brief: A new roast.\n", "Key messages:\n- small batches\n- fair prices\n",
        "Hashtags: #Roast #Coffee\n", "Trends: first frost; slow mornings\n", "Call to action: Visit us\n");
    assertThat(prompt.user()).doesNotContain("Angle:");
  }

  @Test
  @DisplayName("an angle, when the request has one, is rendered in the user prompt")
  void angle() {
    assertThat(templates.render(withAngle("a question to the reader"), brand).user())
        .contains("Angle: a question to the reader\n");
  }

  @Test
  @DisplayName("a brand the configuration does not describe still gets a prompt, with no banned lists")
  void unknownBrand() {
    Prompt prompt = templates.render(withAngle(null), BrandProfile.unknown("acme"));
    assertThat(prompt.system()).startsWith("Posts for acme. Voice: warm and plain. On LinkedIn");
  }

  private static GenerateRequest withAngle(String angle) {
    return new GenerateRequest("p1", "northwind", "c1", Platform.LINKEDIN, "A new roast.", "warm and plain",
        List.of("small batches", "fair prices"), List.of("#Roast", "#Coffee"), List.of("first frost", "slow mornings"),
        "Visit us", 1, angle);
  }
}
