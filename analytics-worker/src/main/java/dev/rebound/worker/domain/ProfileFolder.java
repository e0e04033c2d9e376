package dev.rebound.worker.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.rebound.proto.internal.v1.RecordedAssessment;
import dev.rebound.proto.internal.v1.RecordedFeedback;
import dev.rebound.proto.internal.v1.UserProfileState;
import dev.rebound.proto.v1.CompetencyGrade;
import dev.rebound.proto.v1.EmployerFeedbackRecorded;
import dev.rebound.proto.v1.SelfAssessmentSubmitted;
import dev.rebound.proto.v1.ThemeMatch;
import dev.rebound.proto.v1.UserEvent;

/**
 * Folds one user event into the user's profile. A write whose id the profile already holds is
 * ignored, so a retried call counts once. The profile keeps only what plans and cohort figures
 * read: free text (notes, the employer's words and their evidence, the company) stays in the event
 * log. That keeps a profile, which is re-read and re-written at every event, small, and keeps
 * words nobody computes with out of the state stores and their changelogs.
 */
public final class ProfileFolder {

    private final int historyLimit;

    public ProfileFolder(int historyLimit) {
        this.historyLimit = historyLimit;
    }

    /** The profile after the event, or empty when the event changes nothing the profile keeps. */
    public Optional<UserProfileState> fold(UserProfileState current, UserEvent event) {
        UserProfileState profile = current != null ? current : UserProfileState.newBuilder()
                .setTenant(event.getTenant())
                .setUserId(event.getUserId())
                .build();
        return switch (event.getPayloadCase()) {
            case SELF_ASSESSMENT_SUBMITTED -> {
                if (contains(profile.getAssessmentsList(), RecordedAssessment::getEventId, event.getEventId())) {
                    yield Optional.empty();
                }
                UserProfileState.Builder next = profile.toBuilder().addAssessments(RecordedAssessment.newBuilder()
                        .setEventId(event.getEventId())
                        .setAssessment(withoutFreeText(event.getSelfAssessmentSubmitted())));
                while (next.getAssessmentsCount() > historyLimit) {
                    next.removeAssessments(0);
                }
                yield Optional.of(next.build());
            }
            case EMPLOYER_FEEDBACK_RECORDED -> {
                if (contains(profile.getEmployerFeedbackList(), RecordedFeedback::getEventId, event.getEventId())) {
                    yield Optional.empty();
                }
                UserProfileState.Builder next = profile.toBuilder().addEmployerFeedback(RecordedFeedback.newBuilder()
                        .setEventId(event.getEventId())
                        .setFeedback(withoutFreeText(event.getEmployerFeedbackRecorded())));
                while (next.getEmployerFeedbackCount() > historyLimit) {
                    next.removeEmployerFeedback(0);
                }
                yield Optional.of(next.build());
            }
            // erasure is handled by the caller (it deletes); composed replies carry no profile facts
            case USER_DATA_ERASED, REPLY_COMPOSED, PAYLOAD_NOT_SET -> Optional.empty();
        };
    }

    private static SelfAssessmentSubmitted withoutFreeText(SelfAssessmentSubmitted assessment) {
        SelfAssessmentSubmitted.Builder kept = assessment.toBuilder();
        kept.getContextBuilder().clearCompany();
        kept.getGradesBuilderList().forEach(CompetencyGrade.Builder::clearNote);
        return kept.build();
    }

    private static EmployerFeedbackRecorded withoutFreeText(EmployerFeedbackRecorded feedback) {
        EmployerFeedbackRecorded.Builder kept = feedback.toBuilder().clearFeedbackText();
        kept.getContextBuilder().clearCompany();
        kept.getThemesBuilderList().forEach(ThemeMatch.Builder::clearEvidence);
        return kept.build();
    }

    private static <T> boolean contains(List<T> records, Function<T, String> id, String eventId) {
        return records.stream().anyMatch(record -> id.apply(record).equals(eventId));
    }
}
