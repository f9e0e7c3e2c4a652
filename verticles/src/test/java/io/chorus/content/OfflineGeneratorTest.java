package io.chorus.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chorus.content.offline.OfflineGenerator;
import io.chorus.contracts.Platform;
import io.chorus.contracts.content.GenerateRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OfflineGeneratorTest {
  private static final long CONFIGURED_SEED = 20261124L;
  private static final Set<Platform> HASHTAG_PLATFORMS =
      EnumSet.of(Platform.X, Platform.INSTAGRAM, Platform.LINKEDIN, Platform.TIKTOK);

  private final OfflineGenerator generator = OfflineGenerator.create(CONFIGURED_SEED);

  private List<String> twentyPosts(Platform platform) {
    return LongStream.rangeClosed(1, 20).mapToObj(seed -> generator.write(DemoCampaign.request(platform, seed))).toList();
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  @DisplayName("the same request and seed always write the same text, whatever the post id")
  void sameRequestAndSeedWriteTheSameText(Platform platform) {
    GenerateRequest request = DemoCampaign.request(platform, 7);
    GenerateRequest otherPost = new GenerateRequest("another-post", request.brandId(), request.campaignId(),
        platform, request.brief(), request.voice(), request.keyMessages(), request.hashtags(), request.trends(),
        request.callToAction(), request.seed(), request.angle());

    String text = generator.write(request);

    assertThat(generator.write(request)).isEqualTo(text);
    assertThat(OfflineGenerator.create(CONFIGURED_SEED).write(otherPost)).isEqualTo(text);
  }

  @Test
  @DisplayName("a different configured seed writes a different campaign")
  void configuredSeedChangesTheText() {
    OfflineGenerator other = OfflineGenerator.create(CONFIGURED_SEED + 1);
    long differing = LongStream.rangeClosed(1, 10)
        .filter(seed -> !generator.write(DemoCampaign.request(Platform.FACEBOOK, seed))
            .equals(other.write(DemoCampaign.request(Platform.FACEBOOK, seed))))
        .count();
    assertThat(differing).isGreaterThanOrEqualTo(8);
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  @DisplayName("twenty seeds of one campaign give at least fifteen different posts with at least three openings")
  void seedsGiveVariedPosts(Platform platform) {
    List<String> posts = twentyPosts(platform);
    Set<String> openings = posts.stream().map(OfflineGeneratorTest::opening).collect(Collectors.toSet());

    assertThat(Set.copyOf(posts)).hasSizeGreaterThanOrEqualTo(15);
    assertThat(openings).hasSizeGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  @DisplayName("every post is plain text that names the product or a key message")
  void everyPostNamesTheProductOrAKeyMessage(Platform platform) {
    for (String post : twentyPosts(platform)) {
      String lower = post.toLowerCase(Locale.ROOT);
      assertThat(post).isNotBlank().doesNotContain("{", "}", "[", "]", "%s", "null", "  ");
      assertThat(lower.contains(DemoCampaign.PRODUCT.toLowerCase(Locale.ROOT))
          || DemoCampaign.KEY_MESSAGES.stream().map(m -> m.toLowerCase(Locale.ROOT)).anyMatch(lower::contains))
          .as("names the product or a key message: %s", post)
          .isTrue();
    }
  }

  @Test
  @DisplayName("posts on hashtag platforms carry at least one of the campaign's hashtags")
  void hashtagPlatformsCarryHashtags() {
    for (Platform platform : HASHTAG_PLATFORMS) {
      for (String post : twentyPosts(platform)) {
        assertThat(DemoCampaign.HASHTAGS).anyMatch(post::contains);
      }
    }
  }

  @Test
  @DisplayName("X posts stay short and punchy with one or two hashtags")
  void xPostsAreShort() {
    for (String post : twentyPosts(Platform.X)) {
      String body = post.replaceAll("(\\s#\\w+)+$", "").strip();
      long tags = DemoCampaign.HASHTAGS.stream().filter(post::contains).count();
      assertThat(body.length()).as(post).isLessThanOrEqualTo(240);
      assertThat(tags).isBetween(1L, 2L);
    }
  }

  @Test
  @DisplayName("LinkedIn posts run to several paragraphs and are longer than X posts on average")
  void linkedInPostsAreLongerThanXPosts() {
    List<String> linkedIn = twentyPosts(Platform.LINKEDIN);
    double linkedInAverage = linkedIn.stream().mapToInt(String::length).average().orElseThrow();
    double xAverage = twentyPosts(Platform.X).stream().mapToInt(String::length).average().orElseThrow();

    assertThat(linkedInAverage).isGreaterThan(xAverage * 1.5);
    assertThat(linkedIn).allMatch(post -> post.split("\n\n").length >= 3);
  }

  @Test
  @DisplayName("Instagram captions open with an emoji, break into lines and end with a block of hashtags")
  void instagramCaptionsEndWithAHashtagBlock() {
    for (String post : twentyPosts(Platform.INSTAGRAM)) {
      String lastBlock = post.lines().reduce((first, second) -> second).orElseThrow();
      assertThat(post.lines().count()).isGreaterThanOrEqualTo(5);
      assertThat(post.lines().findFirst().orElseThrow()).matches(".*\\p{So}$");
      assertThat(lastBlock.split(" ")).allMatch(tag -> tag.startsWith("#")).hasSizeGreaterThanOrEqualTo(3);
    }
  }

  @Test
  @DisplayName("Facebook posts are a few conversational sentences ending with the call to action")
  void facebookPostsCarryTheCallToAction() {
    for (String post : twentyPosts(Platform.FACEBOOK)) {
      assertThat(post).contains("northwind.example/autumn");
      assertThat(post.length()).isBetween(80, 600);
    }
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  @DisplayName("a bare brief with no key messages, trends, hashtags, voice or call to action still writes a post")
  void bareBriefStillWritesAPost(Platform platform) {
    GenerateRequest bare = new GenerateRequest("p", "b", "c", platform,
        "Our new oat milk latte is here. It is creamy.", null, List.of(), List.of(), List.of(), null, 3, null);

    for (long seed = 1; seed <= 20; seed++) {
      String post = generator.write(bare);
      assertThat(post.toLowerCase(Locale.ROOT)).contains("oat milk latte");
      assertThat(post).doesNotContain("null", "%s", "{", "[", "]");
      bare = new GenerateRequest("p", "b", "c", platform, bare.brief(), null, List.of(), List.of(), List.of(), null,
          seed, null);
    }
  }

  @Test
  @DisplayName("a request without a brief is refused")
  void missingBriefIsRefused() {
    GenerateRequest noBrief = new GenerateRequest("p", "b", "c", Platform.X, null, null,
        List.of(), List.of(), List.of(), null, 1, null);
    assertThatThrownBy(() -> generator.write(noBrief)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("brief");
  }

  /** The first words of a post up to its first punctuation: what a reader sees first. */
  private static String opening(String post) {
    return post.split("[.?!:\n]", 2)[0];
  }
}
