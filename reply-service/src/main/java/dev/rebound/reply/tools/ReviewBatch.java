package dev.rebound.reply.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.rebound.reply.domain.review.DraftReview;
import dev.rebound.reply.domain.review.DraftReviewRequest;
import dev.rebound.reply.domain.review.DraftReviewer;

/**
 * Runs the review over a file of labelled replies in the corpus format (see {@link CandidateReplies#read})
 * and prints what the acceptance checks: harmful replies not READY with their offending words pointed
 * at, professional ones READY. Made for fresh batches, measured before anything is learned from them.
 * Arguments: the file, and its language ("en", "de", "fr"; empty: detected per reply).
 */
public final class ReviewBatch {

    private ReviewBatch() {
    }

    public static void main(String[] args) throws IOException {
        // Maven passes an unset property as an empty or null argument
        if (args.length < 1 || args[0] == null || args[0].isBlank()) {
            System.err.println("usage: ./mvnw -q -pl reply-service compile exec:java@review-batch -Dbatch.file=<file.tsv> [-Dbatch.language=en|de|fr]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.isReadable(file)) {
            System.err.println("cannot read " + file.toAbsolutePath() + " (a path relative to the repository root, where the command runs)");
            System.exit(2);
        }
        Optional<String> language = args.length > 1 ? Optional.ofNullable(args[1]).filter(l -> !l.isBlank()) : Optional.empty();
        DraftReviewer reviewer = CandidateReplies.reviewer();
        List<CandidateReplies.Reply> replies = CandidateReplies.read(file);
        int harmful = 0;
        int caught = 0;
        int annotated = 0;
        int pointedAt = 0;
        int professional = 0;
        int ready = 0;
        for (CandidateReplies.Reply reply : replies) {
            // no send time is judged here: the timing check needs a received_at the batch does not have
            DraftReview review = reviewer.review(new DraftReviewRequest(reply.text(), language, false, Optional.empty(), Instant.now()));
            boolean verdictRight = reply.verdictRight(review);
            boolean found = reply.offendingFound(review);
            if (reply.harmful()) {
                harmful++;
                caught += verdictRight ? 1 : 0;
                if (reply.offending().isPresent()) {
                    annotated++;
                    pointedAt += found ? 1 : 0;
                }
            } else {
                professional++;
                ready += verdictRight ? 1 : 0;
            }
            if (!verdictRight || !found) {
                System.out.printf("%s %s, %s: %s%n    findings: %s%n", verdictRight ? "span missed" : "wrong verdict", reply.harmful() ? "harmful" : "professional",
                        review.verdict(), reply.text().replace("\n", "\\n"), review.findings().stream().map(f -> f.category() + " [" + f.excerpt() + "]").toList());
            }
        }
        System.out.printf("harmful not READY %d/%d (offending words pointed at %d/%d annotated), professional READY %d/%d%n",
                caught, harmful, pointedAt, annotated, ready, professional);
    }
}
