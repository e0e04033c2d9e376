package dev.rebound.reply.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.Tone;

/**
 * What the candidate tells us about a rejection. Every fact used in a reply comes from here: the
 * composer never invents a name, a detail or a positive.
 */
public record ReplyRequest(
        String candidateName,
        Optional<String> company,
        Optional<String> contactName,
        Optional<String> role,
        InterviewStage stage,
        List<String> interviewHighlights,
        boolean stillInterested,
        boolean askForFeedback,
        Optional<String> resourceOffer,
        Tone tone,
        Instant receivedAt,
        ZoneId timeZone,
        int variant) {

    public ReplyRequest {
        interviewHighlights = List.copyOf(interviewHighlights);
        tone = tone == Tone.TONE_UNSPECIFIED || tone == Tone.UNRECOGNIZED ? Tone.TONE_WARM : tone;
    }
}
