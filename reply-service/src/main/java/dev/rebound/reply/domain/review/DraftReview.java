package dev.rebound.reply.domain.review;

import java.util.List;
import java.util.Map;

import dev.rebound.proto.v1.Practice;
import dev.rebound.proto.v1.Verdict;

/** What a careful coach says about a draft before it is sent. */
public record DraftReview(
        List<Finding> findings,
        Map<Practice, String> missingPractices,
        double politeness,
        Verdict verdict,
        List<String> verdictReasons,
        int wordCount,
        String language) {
}
