package io.chorus.content;

import io.chorus.contracts.Platform;
import io.chorus.contracts.content.GenerateRequest;
import java.util.List;

/** The demo profile's Autumn Harvest campaign as generate requests, the input every content test writes from. */
final class DemoCampaign {
  static final String PRODUCT = "Autumn Harvest Blend";
  static final List<String> KEY_MESSAGES = List.of(
      "roasted in small batches every Tuesday",
      "the farm is paid 40% above the fair-trade price",
      "tastes like baked apple and caramel");
  static final List<String> HASHTAGS = List.of("#AutumnHarvest", "#SpecialtyCoffee", "#Northwind");
  static final String BRIEF = "Launch of the Autumn Harvest Blend, a medium roast from a single farm in Huila, "
      + "Colombia, with notes of baked apple, caramel and cinnamon. Available in every shop and online from this week.";

  private DemoCampaign() {}

  static GenerateRequest request(Platform platform, long seed) {
    return new GenerateRequest("post-" + seed, "northwind", "autumn-harvest", platform, BRIEF,
        "warm, curious and plain-spoken; never pushy", KEY_MESSAGES, HASHTAGS,
        List.of("cosy mornings", "slow coffee", "first frost"),
        "Find it in your nearest shop or at northwind.example/autumn", seed, null);
  }
}
