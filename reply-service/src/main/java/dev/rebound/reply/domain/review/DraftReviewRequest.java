package dev.rebound.reply.domain.review;

import java.time.Instant;
import java.util.Optional;

/** A draft to review, with what is known of the rejection it answers. */
public record DraftReviewRequest(
        String draft,
        Optional<String> language,
        boolean employerDeclinedFeedback,
        Optional<Instant> receivedAt,
        Instant plannedSendAt) {
}
