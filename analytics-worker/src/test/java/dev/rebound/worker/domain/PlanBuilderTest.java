package dev.rebound.worker.domain;

import static dev.rebound.worker.Events.assessment;
import static dev.rebound.worker.Events.feedback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Timestamp;

import dev.rebound.proto.internal.v1.CohortStats;
import dev.rebound.proto.internal.v1.CompetencyCounts;
import dev.rebound.proto.internal.v1.UserProfileState;
import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.FeedbackTheme;
import dev.rebound.proto.v1.Grade;
import dev.rebound.proto.v1.ImprovementPlan;
import dev.rebound.proto.v1.Suggestion;
import dev.rebound.proto.v1.Trend;
import dev.rebound.proto.v1.UserEvent;

class PlanBuilderTest {

    final ProfileFolder folder = new ProfileFolder(200);
    final PlanBuilder builder = new PlanBuilder(20);

    UserProfileState fold(UserEvent... events) {
        UserProfileState profile = null;
        for (UserEvent event : events) {
            profile = folder.fold(profile, event).orElse(profile);
        }
        return profile;
    }

    @Test
    void rationaleFiguresHaveTwoDecimals() {
        assertEquals("0.50", PlanBuilder.twoDecimals(0.5));
        assertEquals("1.25", PlanBuilder.twoDecimals(1.249999));
        assertEquals("0.07", PlanBuilder.twoDecimals(0.0666));
        assertEquals("12.00", PlanBuilder.twoDecimals(12));
        assertEquals("-0.33", PlanBuilder.twoDecimals(-1.0 / 3));
        assertEquals("0.00", PlanBuilder.twoDecimals(-0.001));
    }

    @Test
    void weightsRecentGradesMore() {
        // newest first: gap (1), then strong (0.7): (0×1 + 1×0.7) / 1.7
        assertEquals(0.7 / 1.7, PlanBuilder.weightedGrade(List.of(Grade.GRADE_GAP, Grade.GRADE_STRONG)), 1e-12);
        assertEquals(1.0, PlanBuilder.weightedGrade(List.of(Grade.GRADE_STRONG)), 1e-12);
    }

    @Test
    void ranksTheWeakestCompetencyFirstWithOneConcretePractice() {
        UserProfileState profile = fold(
                assessment("t", "u", "1", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP),
                assessment("t", "u", "2", 1, Competency.COMPETENCY_MOTIVATION, Grade.GRADE_SOLID),
                assessment("t", "u", "3", 2, Competency.COMPETENCY_COMPANY_RESEARCH, Grade.GRADE_STRONG));
        ImprovementPlan plan = builder.build(profile, Timestamp.getDefaultInstance());
        assertEquals(List.of(Competency.COMPETENCY_TECHNICAL_DEPTH, Competency.COMPETENCY_MOTIVATION),
                plan.getSuggestionsList().stream().map(Suggestion::getCompetency).toList());
        Suggestion first = plan.getSuggestions(0);
        assertEquals(1.0, first.getScore(), 1e-12);
        assertTrue(first.getPractice().getRepetitions() > 0);
        assertFalse(first.getPractice().getFeedbackSource().isEmpty());
        assertEquals("You graded technical depth as a gap in 1 and solid in 0 of 1 interview.", first.getGap());
        assertEquals(3, plan.getAssessmentCount());
    }

    @Test
    void employerFeedbackRaisesACompetencyAndFlagsTheSelfEmployerGap() {
        UserProfileState profile = fold(
                assessment("t", "u", "1", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_STRONG),
                assessment("t", "u", "2", 0, Competency.COMPETENCY_MOTIVATION, Grade.GRADE_SOLID),
                feedback("t", "u", "3", 1, FeedbackTheme.FEEDBACK_THEME_TECHNICAL_DEPTH));
        ImprovementPlan plan = builder.build(profile, Timestamp.getDefaultInstance());
        Suggestion first = plan.getSuggestions(0);
        assertEquals(Competency.COMPETENCY_TECHNICAL_DEPTH, first.getCompetency());
        // shortfall 0 + employer 0.5 + self-employer gap 0.25
        assertEquals(0.75, first.getScore(), 1e-12);
        assertTrue(first.getRationale().contains("strong where an employer flagged it"), first.getRationale());
    }

    @Test
    void showsACohortComparisonOnlyAtOrAboveTheFloor() {
        UserProfileState profile = fold(assessment("t", "u", "1", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        String cohort = CohortContribution.cohortOf(profile.getAssessments(0).getAssessment().getContext());
        CohortStats stats = CohortStats.newBuilder().setCohort(cohort).setUsers(20).putUsersByTenant("t", 20)
                .addCompetencies(CompetencyCounts.newBuilder().setCompetency(Competency.COMPETENCY_TECHNICAL_DEPTH_VALUE)
                        .setStrong(10).setSolid(5).setGap(5))
                .build();
        Suggestion shown = builder.build(profile, Timestamp.getDefaultInstance(), key -> Optional.of(stats)).getSuggestions(0);
        assertEquals(20, shown.getCohort().getUsers());
        assertEquals(0.25, shown.getCohort().getGapShare(), 1e-12);
        assertEquals(0.1119, shown.getCohort().getGapShareLow(), 1e-4);
        assertEquals(0.4687, shown.getCohort().getGapShareHigh(), 1e-4);
        assertEquals("unspecified, unspecified, interview", shown.getCohort().getCohort());

        assertEquals(0.0, shown.getCohort().getEmployerMentionShare(), 1e-12); // no feedback records: no share

        CohortStats withFeedback = stats.toBuilder().setFeedbackRecords(40)
                .putThemes(FeedbackTheme.FEEDBACK_THEME_TECHNICAL_DEPTH_VALUE, 10)
                .putThemes(FeedbackTheme.FEEDBACK_THEME_MOTIVATION_VALUE, 30)
                .build();
        Suggestion withShare = builder.build(profile, Timestamp.getDefaultInstance(), key -> Optional.of(withFeedback)).getSuggestions(0);
        assertEquals(40, withShare.getCohort().getFeedbackRecords());
        assertEquals(0.25, withShare.getCohort().getEmployerMentionShare(), 1e-12);
        double[] interval = Wilson.interval(10, 40);
        assertEquals(interval[0], withShare.getCohort().getEmployerMentionShareLow(), 1e-12);

        CohortStats small = stats.toBuilder().setUsers(19).putUsersByTenant("t", 19).build();
        assertFalse(builder.build(profile, Timestamp.getDefaultInstance(), key -> Optional.of(small)).getSuggestions(0).hasCohort());
    }

    @Test
    void separationRaisesACompetencyThatTellsOffersFromRejections() {
        CompetencyCounts separating = CompetencyCounts.newBuilder().setOfferStrong(15).setOfferGrades(20)
                .setRejectedStrong(5).setRejectedGrades(20).build();
        assertEquals(0.5, PlanBuilder.separation(separating), 1e-12);
        assertEquals(0.0, PlanBuilder.separation(separating.toBuilder().setOfferGrades(19).build()), 1e-12);
    }

    @Test
    void claimsATrendOnlyFromFiveGrades() {
        assertEquals(Trend.TREND_UNSPECIFIED, PlanBuilder.trend(List.of(Grade.GRADE_GAP, Grade.GRADE_GAP, Grade.GRADE_STRONG, Grade.GRADE_STRONG)));
        // newest first: the newer half is gaps, the older half strong
        assertEquals(Trend.TREND_SLIPPING, PlanBuilder.trend(List.of(Grade.GRADE_GAP, Grade.GRADE_GAP, Grade.GRADE_SOLID,
                Grade.GRADE_STRONG, Grade.GRADE_STRONG)));
        assertEquals(Trend.TREND_IMPROVING, PlanBuilder.trend(List.of(Grade.GRADE_STRONG, Grade.GRADE_STRONG, Grade.GRADE_SOLID,
                Grade.GRADE_GAP, Grade.GRADE_GAP)));
        assertEquals(Trend.TREND_FLAT, PlanBuilder.trend(List.of(Grade.GRADE_SOLID, Grade.GRADE_SOLID, Grade.GRADE_SOLID,
                Grade.GRADE_SOLID, Grade.GRADE_SOLID)));
    }

    @Test
    void slippingRaisesTheScoreAndOutcomesAreCountedPerStage() {
        UserProfileState profile = null;
        Grade[] oldestFirst = {Grade.GRADE_STRONG, Grade.GRADE_STRONG, Grade.GRADE_SOLID, Grade.GRADE_GAP, Grade.GRADE_GAP};
        for (int i = 0; i < oldestFirst.length; i++) {
            profile = folder.fold(profile, assessment("t", "u", "a" + i, i, Competency.COMPETENCY_PROBLEM_SOLVING, oldestFirst[i])).orElseThrow();
        }
        Suggestion suggestion = builder.build(profile, Timestamp.getDefaultInstance()).getSuggestions(0);
        assertEquals(Trend.TREND_SLIPPING, suggestion.getTrend());
        double shortfall = 1 - PlanBuilder.weightedGrade(List.of(Grade.GRADE_GAP, Grade.GRADE_GAP, Grade.GRADE_SOLID, Grade.GRADE_STRONG, Grade.GRADE_STRONG));
        assertEquals(shortfall + 0.2, suggestion.getScore(), 1e-12);
        assertEquals(5, builder.build(profile, Timestamp.getDefaultInstance()).getOutcomesByStage(0).getInterviews());
    }

    @Test
    void saysWhatEvidenceIsStillMissing() {
        ImprovementPlan plan = builder.build(fold(assessment("t", "u", "1", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP)), Timestamp.getDefaultInstance());
        assertEquals(List.of("Your cohort has fewer people than the privacy floor needs, so no cohort comparison is shown yet.",
                "4 more self-assessments before the plan reports patterns.",
                "No employer feedback yet: the suggestions rest on self-assessments alone, which tend to be unreliable."),
                plan.getMissingEvidenceList());
        assertTrue(plan.getSuggestions(0).getRationale().endsWith("Based on 1 of the 5 assessments needed before this is called a pattern."));
    }
}
