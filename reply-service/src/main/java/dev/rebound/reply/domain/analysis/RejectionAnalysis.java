package dev.rebound.reply.domain.analysis;

import java.util.Optional;

import dev.rebound.proto.v1.FeedbackPolicy;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.RejectionReason;

/** What a rejection email says; empty where it does not say. */
public record RejectionAnalysis(
        InterviewStage stage,
        boolean automated,
        FeedbackPolicy feedbackPolicy,
        boolean keepOnFile,
        RejectionReason reason,
        Optional<String> reasonText,
        Optional<String> company,
        Optional<String> senderName,
        Optional<String> senderTitle,
        Optional<String> candidateName,
        Optional<String> role,
        Optional<String> language) {

    /** The analysis when there is no email to read. */
    public static RejectionAnalysis none() {
        return new RejectionAnalysis(InterviewStage.INTERVIEW_STAGE_UNSPECIFIED, false, FeedbackPolicy.FEEDBACK_POLICY_UNSPECIFIED,
                false, RejectionReason.REJECTION_REASON_UNSPECIFIED, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
