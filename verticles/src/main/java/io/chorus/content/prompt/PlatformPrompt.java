package io.chorus.content.prompt;

/**
 * How posts for one platform are asked for, from {@code content.prompts.platforms.<p>}.
 *
 * @param style the platform's voice, e.g. "conversational, one idea per post"
 * @param length how long, e.g. "at most 260 characters"
 * @param hashtags how many hashtags and where
 * @param callToAction how the call to action is put
 */
public record PlatformPrompt(String style, String length, String hashtags, String callToAction) {}
