package io.chorus.pipeline.review;

import java.util.List;

/** One brand rule a post's text must keep; it explains every way a candidate breaks it. */
public interface ReviewRule {

  /** Every violation of this rule by the candidate; empty when the candidate keeps it. */
  List<Violation> check(Candidate candidate);
}
