package io.chorus.content.usage;

/**
 * What one model costs, in US dollars.
 *
 * @param inputPerMillion per million input tokens
 * @param outputPerMillion per million output tokens
 * @param perImage per generated image
 */
public record Price(double inputPerMillion, double outputPerMillion, double perImage) {
  public static final Price FREE = new Price(0, 0, 0);

  public double cost(long inputTokens, long outputTokens, long images) {
    return inputTokens * inputPerMillion / 1_000_000 + outputTokens * outputPerMillion / 1_000_000 + images * perImage;
  }
}
