package dev.rebound.reply.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.Severity;
import dev.rebound.proto.v1.Tone;
import dev.rebound.proto.v1.Verdict;
import dev.rebound.reply.domain.ReplyComposer;
import dev.rebound.reply.domain.ReplyRequest;
import dev.rebound.reply.domain.SendWindowPlanner;
import dev.rebound.reply.domain.analysis.LanguageIdentifier;
import dev.rebound.reply.domain.review.DraftReview;
import dev.rebound.reply.domain.review.DraftReviewer;
import dev.rebound.reply.domain.review.Finding;

/**
 * The labelled candidate replies of a language ({@code reply-service/src/test/resources/review/candidate-replies_<language>.tsv}):
 * the tests assert the review's verdict on each, and {@link PolitenessFitting} fits the language's reply-tone model on them.
 */
public final class CandidateReplies {

    /** A reviewer for labelled replies: they carry no send time, so the send window plays no part. */
    public static DraftReviewer reviewer() {
        return new DraftReviewer(new LanguageIdentifier(), new SendWindowPlanner(Duration.ofHours(24), Duration.ofHours(48)));
    }

    /** The file of a language, relative to the reply-service module. */
    public static Path file(String language) {
        return Path.of("src/test/resources/review/candidate-replies_" + language + ".tsv");
    }

    /**
     * One reply; harmful ones are those a coach would stop from being sent as they are. A harmful
     * reply may name its offending words: the review must point at them, and the reply-tone model
     * learns from the sentence that holds them.
     */
    public record Reply(boolean harmful, String text, Optional<String> offending) {

        public Reply {
            if (offending.isPresent() && !text.contains(offending.get())) {
                throw new IllegalArgumentException("the offending words '" + offending.get() + "' are not in: " + text);
            }
        }

        /** Whether the review's verdict is right: a harmful reply not READY, a professional one READY. */
        public boolean verdictRight(DraftReview review) {
            return harmful == (review.verdict() != Verdict.VERDICT_READY);
        }

        /**
         * For a harmful reply, whether a medium or high finding with a span overlaps its offending
         * words (any such finding when none are named); true for a professional reply.
         */
        public boolean offendingFound(DraftReview review) {
            if (!harmful) {
                return true;
            }
            List<Finding> serious = review.findings().stream()
                    .filter(f -> f.severity() != Severity.SEVERITY_LOW && f.end() > f.start()).toList();
            return offending.map(words -> {
                // code-point offsets, as findings give them
                int start = text.codePointCount(0, text.indexOf(words));
                int end = start + words.codePointCount(0, words.length());
                return serious.stream().anyMatch(f -> f.start() < end && start < f.end());
            }).orElse(!serious.isEmpty());
        }
    }

    /** Variant numbers rotate through each phrase bank's alternatives; ten go round every bank. */
    private static final int VARIANTS = 10;

    private CandidateReplies() {
    }

    /** The composer's own replies to an interview rejection, in every tone and variant: professional by construction. */
    public static List<Reply> composed(String language) {
        Instant now = Instant.parse("2026-11-18T12:00:00Z");
        ReplyComposer composer = new ReplyComposer(new SendWindowPlanner(Duration.ofHours(24), Duration.ofHours(48)), Clock.fixed(now, ZoneOffset.UTC));
        List<Reply> replies = new ArrayList<>();
        for (Tone tone : List.of(Tone.TONE_WARM, Tone.TONE_FORMAL, Tone.TONE_CONCISE)) {
            for (int variant = 0; variant < VARIANTS; variant++) {
                ReplyRequest request = new ReplyRequest(Optional.of("Ada Lovelace"), Optional.of("Acme"), Optional.of("Darren Hale"),
                        Optional.of("Data Engineer"), InterviewStage.INTERVIEW_STAGE_INTERVIEW, List.of("the roadmap session"),
                        true, true, false, false, Optional.empty(), tone, Optional.of(language), now, ZoneOffset.UTC, variant);
                replies.add(new Reply(false, composer.compose(request).body(), Optional.empty()));
            }
        }
        return replies;
    }

    /**
     * Reads "label TAB text [TAB offending words]" lines ("harmful" or "professional"; "\n" in the
     * text is a line break), skipping comments.
     */
    public static List<Reply> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> {
                    String[] fields = line.split("\t");
                    String label = fields[0];
                    if (!label.equals("harmful") && !label.equals("professional")) {
                        throw new IllegalArgumentException("unknown label '" + label + "' in " + file);
                    }
                    return new Reply(label.equals("harmful"), fields[1].replace("\\n", "\n"),
                            fields.length > 2 ? Optional.of(fields[2]) : Optional.empty());
                })
                .toList();
    }
}
