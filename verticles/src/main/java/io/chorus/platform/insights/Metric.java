package io.chorus.platform.insights;

/**
 * Chorus's names for what platforms count, whatever each platform calls them. Engagement is
 * likes, comments, shares and saves; reach, impressions and views measure the audience; clicks
 * count visits. None of the five platforms' organic insights report conversions.
 */
public final class Metric {
  public static final String LIKES = "likes";
  public static final String COMMENTS = "comments";
  public static final String SHARES = "shares";
  public static final String SAVES = "saves";
  public static final String REACH = "reach";
  public static final String IMPRESSIONS = "impressions";
  public static final String VIEWS = "views";
  public static final String CLICKS = "clicks";

  private Metric() {}
}
