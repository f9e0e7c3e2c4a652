package io.chorus.simulator.tiktok;

/** An accepted publish: PROCESSING_DOWNLOAD for the processing time, then PUBLISH_COMPLETE. */
record PublishJob(String publishId, String token, String postId, long completeAt) {

  boolean complete() {
    return System.currentTimeMillis() >= completeAt;
  }
}
