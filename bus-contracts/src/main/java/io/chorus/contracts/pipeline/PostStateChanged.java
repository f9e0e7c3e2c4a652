package io.chorus.contracts.pipeline;

import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import java.time.Instant;

/** A post moved from one state to another; sent after the change is committed. */
public record PostStateChanged(
    String postId, String brandId, Platform platform, PostState from, PostState to, Instant at) {}
