package io.chorus.pipeline.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Brand review rules explain every way a post breaks them")
class ReviewRulesTest {
  private static final ReviewOptions OPTIONS = new ReviewOptions(List.of("damn", "crap"), 20, 0.8);

  @Nested
  @DisplayName("banned words and phrases")
  class BannedWordsAndPhrases {
    private final BannedTerms rule = BannedTerms.bannedWords(List.of("cheap", "guaranteed", "best coffee ever"));

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Cheap beans, roasted today                | banned-words: uses the banned word \"cheap\"",
        "Results GUARANTEED.                       | banned-words: uses the banned word \"guaranteed\"",
        "Simply the best   coffee\\never, we think | banned-words: uses the banned phrase \"best coffee ever\"",
        "It is cheap and guaranteed                | banned-words: uses the banned word \"cheap\"; banned-words: uses the banned word \"guaranteed\"",
        "Cheapest? No: cheaply made things cheapen | ''",
        "The best coffee, ever                     | ''"})
    @DisplayName("are matched as whole words or phrases, in any case, one violation per term")
    void matchesWholeTerms(String text, String explained) {
      assertThat(ReviewRules.explain(rule.check(Candidate.of(text.replace("\\n", "\n"))))).isEqualTo(explained);
    }
  }

  @Nested
  @DisplayName("the required disclosure")
  class Disclosure {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "New blend out today #ad      | ''",
        "#AD New blend out today      | ''",
        "New blend out today          | disclosure: the campaign is sponsored, so the post must carry the disclosure \"#ad\"",
        "New blend out today #advert  | disclosure: the campaign is sponsored, so the post must carry the disclosure \"#ad\""})
    @DisplayName("must appear, as a whole word, in a sponsored campaign's posts")
    void sponsoredNeedsDisclosure(String text, String explained) {
      assertThat(ReviewRules.explain(new RequiredDisclosure("#ad").check(Candidate.of(text)))).isEqualTo(explained);
    }

    @Test
    @DisplayName("is not asked of unsponsored campaigns, and a sponsored one of a brand without a disclosure is refused")
    void onlyForSponsoredCampaigns() {
      BrandRules withDisclosure = rules(new JsonObject().put("disclosure", "#ad"));
      BrandRules without = rules(new JsonObject());
      Candidate plain = Candidate.of("New blend out today");
      assertThat(ReviewRules.of(withDisclosure, new JsonObject(), OPTIONS).check(plain)).isEmpty();
      assertThat(ReviewRules.of(withDisclosure, new JsonObject().put("sponsored", true), OPTIONS).check(plain))
          .extracting(Violation::rule).containsExactly("disclosure");
      assertThat(ReviewRules.of(without, new JsonObject().put("sponsored", true), OPTIONS).check(plain))
          .containsExactly(new Violation("disclosure",
              "the campaign is sponsored but the brand has no disclosure text configured to carry"));
    }
  }

  @Nested
  @DisplayName("the link domain allow-list")
  class LinkDomainAllowList {
    private final LinkDomains rule = new LinkDomains(List.of("northwind.example", "shop.example"));

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Find it at northwind.example/autumn                 | ''",
        "Order at https://store.northwind.example/x?y=1.      | ''",
        "See www.shop.example or mail hello@elsewhere.example | ''",
        "Read https://evil.example/a and evil.example/b        | link-domains: links to evil.example, which is not an allowed domain (allowed: northwind.example, shop.example)",
        "Not a sub: http://northwind.example.evil.example     | link-domains: links to northwind.example.evil.example, which is not an allowed domain (allowed: northwind.example, shop.example)",
        "Look alike: https://fakenorthwind.example/            | link-domains: links to fakenorthwind.example, which is not an allowed domain (allowed: northwind.example, shop.example)"})
    @DisplayName("lets links point only at allowed domains and their subdomains, naming each other host once")
    void checksEveryLink(String text, String explained) {
      assertThat(ReviewRules.explain(rule.check(Candidate.of(text)))).isEqualTo(explained);
    }

    @Test
    @DisplayName("allows any link when the brand has no list, and none when its list is empty")
    void noListAllowsAll() {
      Candidate linked = Candidate.of("More at https://anywhere.example/now");
      assertThat(ReviewRules.of(rules(new JsonObject()), new JsonObject(), OPTIONS).check(linked)).isEmpty();
      assertThat(ReviewRules.of(rules(new JsonObject().put("allowedLinkDomains", new JsonArray())), new JsonObject(),
          OPTIONS).check(linked)).containsExactly(new Violation("link-domains",
              "links to anywhere.example, which is not an allowed domain (the brand allows no links)"));
    }
  }

  @Nested
  @DisplayName("hashtag and mention limits")
  class TagLimits {

    @ParameterizedTest(name = "\"{0}\" with at most 2 -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Fresh #coffee #autumn                 | ''",
        "Fresh #coffee #autumn #roast          | hashtag-limit: has 3 hashtags (#coffee, #autumn, #roast); the brand allows at most 2",
        "Issue #1, C# and &#39; are not tags #a | ''"})
    @DisplayName("count the hashtags of a post")
    void hashtags(String text, String explained) {
      assertThat(ReviewRules.explain(TagLimit.hashtags(2).check(Candidate.of(text)))).isEqualTo(explained);
    }

    @ParameterizedTest(name = "\"{0}\" with at most 1 -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Thanks @roastery                              | ''",
        "Thanks @roastery and @farm.coop!              | mention-limit: has 2 mentions (@roastery, @farm.coop); the brand allows at most 1",
        "Write to hello@northwind.example, @team      | ''"})
    @DisplayName("count the mentions of a post, not e-mail addresses")
    void mentions(String text, String explained) {
      assertThat(ReviewRules.explain(TagLimit.mentions(1).check(Candidate.of(text)))).isEqualTo(explained);
    }
  }

  @Nested
  @DisplayName("the profanity list")
  class Profanity {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Damn, that is good coffee     | profanity: uses the profane word \"damn\"",
        "No crap, no damn filler       | profanity: uses the profane word \"damn\"; profanity: uses the profane word \"crap\"",
        "The dam and the crappie fish  | ''"})
    @DisplayName("applies to every brand, matched as whole words in any case")
    void matchesWholeWords(String text, String explained) {
      ReviewRules rules = ReviewRules.of(rules(new JsonObject()), new JsonObject(), OPTIONS);
      assertThat(ReviewRules.explain(rules.check(Candidate.of(text)))).isEqualTo(explained);
    }
  }

  @Nested
  @DisplayName("near-duplicate detection")
  class NearDuplicates {
    private static final String PUBLISHED =
        "Our Autumn Harvest Blend is here: baked apple, caramel and cinnamon in every cup. #AutumnHarvest";

    @ParameterizedTest(name = "{0} -> similarity {1}")
    @CsvSource(delimiter = '|', value = {
        "Our autumn harvest blend is here - baked apple, caramel and cinnamon in every cup! https://x.example #Coffee | 1.00",
        "Our Autumn Harvest Blend is here: baked apple, caramel and cinnamon in each cup.                            | 0.71",
        "Roasted every Tuesday in small batches, paid well above fair trade.                                         | 0.00"})
    @DisplayName("compares word 3-shingles without case, punctuation, links or hashtags")
    void measuresSimilarity(String text, double similarity) {
      assertThat(Similarity.of(PUBLISHED, text)).isCloseTo(similarity, within(0.005));
    }

    @Test
    @DisplayName("rejects a post at or above the threshold, naming the closest recent post and the similarity")
    void namesTheClosestPost() {
      NearDuplicate rule = new NearDuplicate(0.8);
      List<RecentPost> recent = List.of(
          new RecentPost("post-far", "Roasted every Tuesday in small batches."),
          new RecentPost("post-near", PUBLISHED));
      String retagged = PUBLISHED.replace("#AutumnHarvest", "#Northwind");
      assertThat(rule.check(new Candidate(retagged, recent))).containsExactly(new Violation("near-duplicate",
          "reads like recent post post-near of the same account: similarity 1.00, at or above the threshold 0.80"));
      assertThat(rule.check(new Candidate("Roasted on Tuesdays, now with a new label and story.", recent))).isEmpty();
      assertThat(rule.check(Candidate.of(PUBLISHED))).isEmpty();
    }
  }

  @Test
  @DisplayName("every broken rule is reported together, and a clean post passes")
  void reportsEveryViolation() {
    BrandRules brand = rules(new JsonObject()
        .put("bannedWords", new JsonArray().add("cheap"))
        .put("disclosure", "#ad")
        .put("allowedLinkDomains", new JsonArray().add("northwind.example"))
        .put("maxHashtags", 1)
        .put("maxMentions", 0));
    ReviewRules rules = ReviewRules.of(brand, new JsonObject().put("sponsored", true), OPTIONS);
    assertThat(rules.check(Candidate.of("Damn cheap! @pal evil.example #a #b")))
        .extracting(Violation::rule)
        .containsExactly("banned-words", "profanity", "disclosure", "link-domains", "hashtag-limit", "mention-limit");
    assertThat(rules.check(Candidate.of("Our new blend #ad, at northwind.example/autumn"))).isEmpty();
  }

  @Test
  @DisplayName("a brand's rules survive being stored and read back, with automatic approval by default")
  void brandRulesRoundTrip() {
    JsonObject configured = new JsonObject().put("id", "acme").put("approval", "human")
        .put("bannedWords", new JsonArray().add("cheap").add("best ever"))
        .put("disclosure", "#ad").put("allowedLinkDomains", new JsonArray().add("acme.example"))
        .put("maxHashtags", 3).put("maxMentions", 2);
    BrandRules rules = BrandRules.fromBrand(configured);
    assertThat(BrandRules.fromStored(rules.approval().id(), rules.rulesJson())).isEqualTo(rules);
    assertThat(rules.approval()).isEqualTo(ApprovalMode.HUMAN);
    BrandRules plain = BrandRules.fromBrand(new JsonObject().put("id", "plain"));
    assertThat(plain).isEqualTo(new BrandRules(ApprovalMode.AUTOMATIC, List.of(), null, null, null, null));
  }

  private static BrandRules rules(JsonObject brand) {
    return BrandRules.fromBrand(brand);
  }
}
