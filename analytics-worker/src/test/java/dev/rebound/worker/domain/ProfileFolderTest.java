package dev.rebound.worker.domain;

import static dev.rebound.worker.Events.assessment;
import static dev.rebound.worker.Events.feedback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.rebound.proto.internal.v1.UserProfileState;
import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.EmployerFeedbackRecorded;
import dev.rebound.proto.v1.FeedbackTheme;
import dev.rebound.proto.v1.Grade;
import dev.rebound.proto.v1.Outcome;
import dev.rebound.proto.v1.RoleFamily;
import dev.rebound.proto.v1.SelfAssessmentSubmitted;
import dev.rebound.proto.v1.UserEvent;

class ProfileFolderTest {

    @Test
    void countsARetriedWriteOnce() {
        ProfileFolder folder = new ProfileFolder(10);
        UserProfileState once = folder.fold(null, assessment("t", "u", "same-id", 0, Competency.COMPETENCY_MOTIVATION, Grade.GRADE_GAP)).orElseThrow();
        assertTrue(folder.fold(once, assessment("t", "u", "same-id", 0, Competency.COMPETENCY_MOTIVATION, Grade.GRADE_GAP)).isEmpty());
        assertEquals(1, once.getAssessmentsCount());
    }

    @Test
    void keepsAtMostTheHistoryLimitDroppingTheOldest() {
        ProfileFolder folder = new ProfileFolder(3);
        UserProfileState profile = null;
        for (int i = 0; i < 5; i++) {
            profile = folder.fold(profile, assessment("t", "u", "id-" + i, i, Competency.COMPETENCY_MOTIVATION, Grade.GRADE_GAP)).orElseThrow();
        }
        assertEquals(3, profile.getAssessmentsCount());
        assertEquals("id-2", profile.getAssessments(0).getEventId());
    }

    @Test
    void keepsNoFreeTextButEverythingPlansRead() {
        ProfileFolder folder = new ProfileFolder(10);
        UserEvent noted = assessment("t", "u", "a-1", 3, Competency.COMPETENCY_MOTIVATION, Grade.GRADE_GAP);
        SelfAssessmentSubmitted.Builder withText = noted.getSelfAssessmentSubmitted().toBuilder();
        withText.getContextBuilder().setCompany("Acme").setRoleFamily(RoleFamily.ROLE_FAMILY_DATA).setOutcome(Outcome.OUTCOME_REJECTED);
        withText.getGradesBuilder(0).setNote("I rambled about my side project");
        UserProfileState profile = folder.fold(null, noted.toBuilder().setSelfAssessmentSubmitted(withText).build()).orElseThrow();
        profile = folder.fold(profile, feedback("t", "u", "f-1", 4, FeedbackTheme.FEEDBACK_THEME_TECHNICAL_DEPTH)).orElseThrow();

        SelfAssessmentSubmitted kept = profile.getAssessments(0).getAssessment();
        assertEquals("", kept.getContext().getCompany());
        assertEquals("", kept.getGrades(0).getNote());
        assertEquals(RoleFamily.ROLE_FAMILY_DATA, kept.getContext().getRoleFamily());
        assertEquals(Outcome.OUTCOME_REJECTED, kept.getContext().getOutcome());
        assertEquals(withText.getContext().getInterviewedAt(), kept.getContext().getInterviewedAt());
        assertEquals(Grade.GRADE_GAP, kept.getGrades(0).getGrade());
        EmployerFeedbackRecorded feedback = profile.getEmployerFeedback(0).getFeedback();
        assertEquals("", feedback.getFeedbackText());
        assertEquals("", feedback.getThemes(0).getEvidence());
        assertEquals(FeedbackTheme.FEEDBACK_THEME_TECHNICAL_DEPTH, feedback.getThemes(0).getTheme());
    }
}
