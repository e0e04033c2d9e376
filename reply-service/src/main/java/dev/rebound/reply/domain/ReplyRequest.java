package dev.rebound.reply.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.rebound.proto.v1.FeedbackPolicy;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.Tone;
import dev.rebound.reply.domain.analysis.RejectionAnalysis;

/**
 * What the candidate tells us about a rejection. Every fact used in a reply comes from here or
 * from the rejection email: the composer never invents a name, a detail or a positive.
 */
public record ReplyRequest(
        Optional<String> candidateName,
        Optional<String> company,
        Optional<String> contactName,
        Optional<String> role,
        InterviewStage stage,
        List<String> interviewHighlights,
        boolean stillInterested,
        boolean askForFeedback,
        boolean employerDeclinedFeedback,
        boolean employerOfferedFeedback,
        Optional<String> resourceOffer,
        Tone tone,
        Optional<String> language,
        Instant receivedAt,
        ZoneId timeZone,
        int variant) {

    private static final Pattern HONORIFIC = Pattern.compile("(?i)^(mr|mrs|ms|miss|mx|dr|prof|frau|herr|madame|monsieur|mme|m)\\.?\\s+.*");

    public ReplyRequest {
        interviewHighlights = List.copyOf(interviewHighlights);
        tone = tone == Tone.TONE_UNSPECIFIED || tone == Tone.UNRECOGNIZED ? Tone.TONE_WARM : tone;
    }

    /** Whether the reply asks for feedback: the candidate wants to and the employer has not declined. */
    public boolean includesFeedbackRequest() {
        return askForFeedback && !employerDeclinedFeedback;
    }

    /**
     * This request with the gaps filled from the email's analysis; what the caller said always
     * wins. A greeting name with an honorific ("Ms Whitfield") is not used to sign the reply.
     */
    public ReplyRequest withFactsFrom(RejectionAnalysis analysis) {
        return new ReplyRequest(
                candidateName.or(() -> analysis.candidateName().filter(name -> !HONORIFIC.matcher(name).matches())),
                company.or(analysis::company),
                contactName.or(analysis::senderName),
                role.or(analysis::role),
                stage != InterviewStage.INTERVIEW_STAGE_UNSPECIFIED ? stage : analysis.stage(),
                interviewHighlights,
                stillInterested,
                askForFeedback,
                employerDeclinedFeedback || analysis.feedbackPolicy() == FeedbackPolicy.FEEDBACK_POLICY_DECLINED,
                employerOfferedFeedback || analysis.feedbackPolicy() == FeedbackPolicy.FEEDBACK_POLICY_OFFERED,
                resourceOffer,
                tone,
                language,
                receivedAt,
                timeZone,
                variant);
    }
}
