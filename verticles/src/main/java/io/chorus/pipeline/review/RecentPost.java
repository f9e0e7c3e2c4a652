package io.chorus.pipeline.review;

/** A post an account already scheduled or published, as near-duplicate detection compares it. */
public record RecentPost(String postId, String text) {}
