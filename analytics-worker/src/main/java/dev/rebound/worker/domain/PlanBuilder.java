package dev.rebound.worker.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.google.protobuf.Timestamp;

import dev.rebound.contract.Taxonomy;
import dev.rebound.proto.internal.v1.CohortStats;
import dev.rebound.proto.internal.v1.CompetencyCounts;
import dev.rebound.proto.internal.v1.RecordedAssessment;
import dev.rebound.proto.internal.v1.RecordedFeedback;
import dev.rebound.proto.internal.v1.UserProfileState;
import dev.rebound.proto.v1.CohortComparison;
import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.CompetencyGrade;
import dev.rebound.proto.v1.FeedbackTheme;
import dev.rebound.proto.v1.Grade;
import dev.rebound.proto.v1.InterviewContext;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.StageOutcomes;
import dev.rebound.proto.v1.Trend;
import dev.rebound.proto.v1.ImprovementPlan;
import dev.rebound.proto.v1.Suggestion;
import dev.rebound.proto.v1.ThemeMatch;

/**
 * Turns a profile into ranked suggestions. For each competency:
 * <pre>
 *   score = shortfall + 0.5 × min(employer mentions, 2) + 0.25 × [rated strong where an employer flagged it]
 *   shortfall = 1 − recency-weighted grade (strong 1, solid 0.5, gap 0; each older assessment weighs 0.7 × the next newer)
 * </pre>
 *   + 0.5 × max(0, P(strong | offer) − P(strong | rejected)) in the user's cohort, when both sides have
 *     at least 20 grades and the cohort at least k distinct users
 *   + 0.2 when the trend is slipping (newer half of the grades at least 0.2 below the older half; from 5 grades on)
 * </pre>
 * A competency becomes a suggestion when its shortfall is at least 0.25 or an employer mentioned
 * it; the highest scores come first. The user's cohort is that of their latest assessment; its
 * figures are shown only when it has at least k distinct users and 20 grades for the competency.
 */
public final class PlanBuilder {

    public static final int PATTERN_MIN_ASSESSMENTS = 5;
    static final String COHORT_TOO_SMALL = "Your cohort has fewer people than the privacy floor needs, so no cohort comparison is shown yet.";
    static final double RECENCY_DECAY = 0.7;
    static final double EMPLOYER_WEIGHT = 0.5;
    static final int EMPLOYER_MENTIONS_CAP = 2;
    static final double SELF_EMPLOYER_GAP_WEIGHT = 0.25;
    static final double MIN_SHORTFALL = 0.25;
    static final int MAX_SUGGESTIONS = 5;
    public static final int COMPARATIVE_MIN_DATA_POINTS = 20;
    static final double SEPARATION_WEIGHT = 0.5;
    static final double SLIPPING_WEIGHT = 0.2;
    static final double TREND_THRESHOLD = 0.2;

    private final int minCohortUsers;

    /** {@code minCohortUsers}: the k of k-anonymity; no cohort figure for a smaller cohort. */
    public PlanBuilder(int minCohortUsers) {
        this.minCohortUsers = minCohortUsers;
    }

    public ImprovementPlan build(UserProfileState profile, Timestamp updatedAt) {
        return build(profile, updatedAt, cohort -> Optional.empty());
    }

    public ImprovementPlan build(UserProfileState profile, Timestamp updatedAt, Function<String, Optional<CohortStats>> cohorts) {
        Optional<String> cohortKey = latestCohort(profile);
        Optional<CohortStats> cohort = cohortKey.flatMap(cohorts).filter(stats -> CohortContribution.clearsPrivacyFloor(stats, minCohortUsers));
        Map<Competency, List<Grade>> gradesNewestFirst = gradesNewestFirst(profile);
        Map<Competency, Integer> employerMentions = employerMentions(profile);
        List<Scored> scored = new ArrayList<>();
        for (Competency competency : Competency.values()) {
            if (competency == Competency.COMPETENCY_UNSPECIFIED || competency == Competency.UNRECOGNIZED) {
                continue;
            }
            List<Grade> grades = gradesNewestFirst.getOrDefault(competency, List.of());
            int mentions = employerMentions.getOrDefault(competency, 0);
            if (grades.isEmpty() && mentions == 0) {
                continue;
            }
            double shortfall = grades.isEmpty() ? 0 : 1 - weightedGrade(grades);
            boolean ratedStrongButFlagged = mentions > 0 && !grades.isEmpty() && grades.get(0) == Grade.GRADE_STRONG;
            if (shortfall < MIN_SHORTFALL && mentions == 0) {
                continue;
            }
            double employerSignal = EMPLOYER_WEIGHT * Math.min(mentions, EMPLOYER_MENTIONS_CAP);
            Optional<CompetencyCounts> counts = cohort.flatMap(stats -> stats.getCompetenciesList().stream()
                    .filter(c -> c.getCompetency() == competency.getNumber()).findFirst());
            double separation = counts.map(PlanBuilder::separation).orElse(0.0);
            Trend trend = trend(grades);
            double score = shortfall + employerSignal + (ratedStrongButFlagged ? SELF_EMPLOYER_GAP_WEIGHT : 0)
                    + SEPARATION_WEIGHT * separation + (trend == Trend.TREND_SLIPPING ? SLIPPING_WEIGHT : 0);
            scored.add(new Scored(competency, score, grades, shortfall, mentions, employerSignal, ratedStrongButFlagged,
                    separation, trend, counts));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.competency().getNumber()));
        // only the suggestions served are written out: the texts cost more than the scoring
        List<Suggestion> suggestions = new ArrayList<>();
        for (Scored top : scored.subList(0, Math.min(MAX_SUGGESTIONS, scored.size()))) {
            Suggestion.Builder suggestion = Suggestion.newBuilder()
                    .setCompetency(top.competency())
                    .setGap(gap(top.competency(), top.grades(), top.mentions()))
                    .setPractice(PracticeCatalogue.practiceFor(top.competency()))
                    .setRationale(rationale(top.score(), top.grades(), top.shortfall(), top.mentions(), top.employerSignal(),
                            top.ratedStrongButFlagged(), top.separation(), profile.getAssessmentsCount()))
                    .setScore(top.score())
                    .setTrend(top.trend());
            top.counts().filter(c -> c.getStrong() + c.getSolid() + c.getGap() >= COMPARATIVE_MIN_DATA_POINTS)
                    .ifPresent(c -> suggestion.setCohort(comparison(cohort.get(), c, top.competency())));
            suggestions.add(suggestion.build());
        }
        return ImprovementPlan.newBuilder()
                .setUserId(profile.getUserId())
                .setUpdatedAt(updatedAt)
                .setAssessmentCount(profile.getAssessmentsCount())
                .setEmployerFeedbackCount(profile.getEmployerFeedbackCount())
                .addAllSuggestions(suggestions)
                .addAllMissingEvidence(missingEvidence(profile, cohortKey.isPresent() && cohort.isEmpty()))
                .addAllOutcomesByStage(outcomesByStage(profile))
                .build();
    }

    /**
     * The plan as it should be served now: a plan built while the user's cohort was below the
     * privacy floor is built again, with the same time, once the cohort has reached it, so a user
     * who has gone quiet still gets the comparison. Any other plan is served as stored: its cohort
     * figures date from the user's latest event.
     */
    public ImprovementPlan withCohortOnceItQualifies(ImprovementPlan plan, Supplier<Optional<UserProfileState>> profile,
            Function<String, Optional<CohortStats>> cohorts) {
        if (!plan.getMissingEvidenceList().contains(COHORT_TOO_SMALL)) {
            return plan;
        }
        return profile.get()
                .filter(state -> latestCohort(state).flatMap(cohorts).filter(stats -> CohortContribution.clearsPrivacyFloor(stats, minCohortUsers)).isPresent())
                .map(state -> build(state, plan.getUpdatedAt(), cohorts))
                .orElse(plan);
    }

    /** A competency's score and the figures behind it, before its texts are written. */
    private record Scored(Competency competency, double score, List<Grade> grades, double shortfall, int mentions,
            double employerSignal, boolean ratedStrongButFlagged, double separation, Trend trend, Optional<CompetencyCounts> counts) {
    }

    /** Newer half against older half of the grades (newest first); no claim below 5 grades. */
    static Trend trend(List<Grade> newestFirst) {
        if (newestFirst.size() < PATTERN_MIN_ASSESSMENTS) {
            return Trend.TREND_UNSPECIFIED;
        }
        int half = newestFirst.size() / 2;
        double newer = newestFirst.subList(0, half).stream().mapToDouble(PlanBuilder::value).average().orElse(0);
        double older = newestFirst.subList(newestFirst.size() - half, newestFirst.size()).stream().mapToDouble(PlanBuilder::value).average().orElse(0);
        if (newer - older >= TREND_THRESHOLD) {
            return Trend.TREND_IMPROVING;
        }
        return older - newer >= TREND_THRESHOLD ? Trend.TREND_SLIPPING : Trend.TREND_FLAT;
    }

    private static List<StageOutcomes> outcomesByStage(UserProfileState profile) {
        Map<InterviewStage, int[]> byStage = new EnumMap<>(InterviewStage.class);
        for (RecordedAssessment recorded : profile.getAssessmentsList()) {
            InterviewContext context = recorded.getAssessment().getContext();
            int[] counts = byStage.computeIfAbsent(context.getStage(), s -> new int[4]);
            counts[0]++;
            switch (context.getOutcome()) {
                case OUTCOME_OFFER -> counts[1]++;
                case OUTCOME_REJECTED -> counts[2]++;
                case OUTCOME_ADVANCED -> counts[3]++;
                default -> {
                }
            }
        }
        List<StageOutcomes> outcomes = new ArrayList<>();
        byStage.forEach((stage, c) -> outcomes.add(StageOutcomes.newBuilder().setStage(stage)
                .setInterviews(c[0]).setOffers(c[1]).setRejections(c[2]).setAdvanced(c[3]).build()));
        return outcomes;
    }

    /** How much more often offers than rejections came with a strong grade; 0 below 20 grades a side. */
    static double separation(CompetencyCounts counts) {
        if (counts.getOfferGrades() < COMPARATIVE_MIN_DATA_POINTS || counts.getRejectedGrades() < COMPARATIVE_MIN_DATA_POINTS) {
            return 0;
        }
        double offer = (double) counts.getOfferStrong() / counts.getOfferGrades();
        double rejected = (double) counts.getRejectedStrong() / counts.getRejectedGrades();
        return Math.max(0, offer - rejected);
    }

    private static CohortComparison comparison(CohortStats cohort, CompetencyCounts counts, Competency competency) {
        long grades = counts.getStrong() + counts.getSolid() + counts.getGap();
        double[] interval = Wilson.interval(counts.getGap(), grades);
        CohortComparison.Builder comparison = CohortComparison.newBuilder().setFeedbackRecords((int) cohort.getFeedbackRecords());
        if (cohort.getFeedbackRecords() >= COMPARATIVE_MIN_DATA_POINTS) {
            // each record names a theme once, and each theme one competency: at most one mention per record
            long mentions = cohort.getThemesMap().entrySet().stream()
                    .filter(theme -> Optional.ofNullable(FeedbackTheme.forNumber(theme.getKey()))
                            .flatMap(Taxonomy::competencyOf).filter(competency::equals).isPresent())
                    .mapToLong(Map.Entry::getValue).sum();
            double[] mentionInterval = Wilson.interval(mentions, cohort.getFeedbackRecords());
            comparison.setEmployerMentionShare((double) mentions / cohort.getFeedbackRecords())
                    .setEmployerMentionShareLow(mentionInterval[0])
                    .setEmployerMentionShareHigh(mentionInterval[1]);
        }
        return comparison
                .setCohort(CohortContribution.describe(cohort.getCohort()))
                .setUsers((int) cohort.getUsers())
                .setGrades((int) grades)
                .setGapShare((double) counts.getGap() / grades)
                .setGapShareLow(interval[0])
                .setGapShareHigh(interval[1])
                .build();
    }

    private static Optional<String> latestCohort(UserProfileState profile) {
        return profile.getAssessmentsList().stream()
                .max(Comparator.comparing((RecordedAssessment a) -> a.getAssessment().getContext().getInterviewedAt().getSeconds()))
                .map(a -> CohortContribution.cohortOf(a.getAssessment().getContext()));
    }

    /** Grade values weighted by recency: the newest counts 1, each older one 0.7 × the next newer. */
    static double weightedGrade(List<Grade> newestFirst) {
        double weight = 1;
        double weightedSum = 0;
        double totalWeight = 0;
        for (Grade grade : newestFirst) {
            weightedSum += weight * value(grade);
            totalWeight += weight;
            weight *= RECENCY_DECAY;
        }
        return weightedSum / totalWeight;
    }

    private static double value(Grade grade) {
        return switch (grade) {
            case GRADE_STRONG -> 1.0;
            case GRADE_SOLID -> 0.5;
            default -> 0.0;
        };
    }

    private static Map<Competency, List<Grade>> gradesNewestFirst(UserProfileState profile) {
        List<RecordedAssessment> assessments = new ArrayList<>(profile.getAssessmentsList());
        // stable sort: assessments of the same moment keep their arrival order
        assessments.sort(Comparator.comparing((RecordedAssessment a) -> a.getAssessment().getContext().getInterviewedAt().getSeconds())
                .thenComparing(a -> a.getAssessment().getContext().getInterviewedAt().getNanos()));
        Map<Competency, List<Grade>> byCompetency = new EnumMap<>(Competency.class);
        for (int i = assessments.size() - 1; i >= 0; i--) {
            for (CompetencyGrade grade : assessments.get(i).getAssessment().getGradesList()) {
                byCompetency.computeIfAbsent(grade.getCompetency(), c -> new ArrayList<>()).add(grade.getGrade());
            }
        }
        return byCompetency;
    }

    private static Map<Competency, Integer> employerMentions(UserProfileState profile) {
        Map<Competency, Integer> mentions = new EnumMap<>(Competency.class);
        for (RecordedFeedback feedback : profile.getEmployerFeedbackList()) {
            for (ThemeMatch theme : feedback.getFeedback().getThemesList()) {
                Taxonomy.competencyOf(theme.getTheme()).ifPresent(c -> mentions.merge(c, 1, Integer::sum));
            }
        }
        return mentions;
    }

    private static String gap(Competency competency, List<Grade> grades, int mentions) {
        String label = Taxonomy.label(competency);
        List<String> parts = new ArrayList<>();
        if (!grades.isEmpty()) {
            long gaps = grades.stream().filter(g -> g == Grade.GRADE_GAP).count();
            long solid = grades.stream().filter(g -> g == Grade.GRADE_SOLID).count();
            // plain concatenation: String.format was a noticeable part of every event's fold
            parts.add("You graded " + label + " as a gap in " + gaps + " and solid in " + solid + " of " + grades.size()
                    + (grades.size() == 1 ? " interview." : " interviews."));
        }
        if (mentions > 0) {
            parts.add("Employer feedback mentioned " + label + " " + mentions + (mentions == 1 ? " time." : " times."));
        }
        return String.join(" ", parts);
    }

    private static String rationale(double score, List<Grade> grades, double shortfall, int mentions,
            double employerSignal, boolean ratedStrongButFlagged, double separation, int assessmentCount) {
        // written for every plan change: plain appends, String.format was a third of the fold's time
        StringBuilder rationale = new StringBuilder(200).append("Score ").append(twoDecimals(score))
                .append(": shortfall ").append(twoDecimals(shortfall));
        if (!grades.isEmpty()) {
            rationale.append(" (recency-weighted grade ").append(twoDecimals(1 - shortfall)).append(" of 1 over ")
                    .append(grades.size()).append(grades.size() == 1 ? " grade)" : " grades)");
        }
        rationale.append(" + employer signal ").append(twoDecimals(employerSignal)).append(" (").append(mentions)
                .append(mentions == 1 ? " mention)" : " mentions)");
        if (ratedStrongButFlagged) {
            rationale.append(" + ").append(twoDecimals(SELF_EMPLOYER_GAP_WEIGHT))
                    .append(" because your latest self-grade was strong where an employer flagged it");
        }
        if (separation > 0) {
            rationale.append(" + ").append(twoDecimals(SEPARATION_WEIGHT * separation))
                    .append(" because in your cohort strong grades here were ").append(Math.round(100 * separation))
                    .append(" points more common in interviews that led to an offer");
        }
        rationale.append('.');
        if (assessmentCount < PATTERN_MIN_ASSESSMENTS) {
            rationale.append(" Based on ").append(assessmentCount).append(" of the ").append(PATTERN_MIN_ASSESSMENTS)
                    .append(" assessments needed before this is called a pattern.");
        }
        return rationale.toString();
    }

    /** The value rounded half up to two decimals, e.g. "0.50", "-1.25". */
    static String twoDecimals(double value) {
        long hundredths = Math.round(Math.abs(value) * 100);
        String fraction = String.valueOf(100 + hundredths % 100).substring(1);
        return (value < 0 && hundredths != 0 ? "-" : "") + hundredths / 100 + "." + fraction;
    }

    private static List<String> missingEvidence(UserProfileState profile, boolean cohortTooSmall) {
        List<String> missing = new ArrayList<>();
        if (cohortTooSmall) {
            missing.add(COHORT_TOO_SMALL);
        }
        int needed = PATTERN_MIN_ASSESSMENTS - profile.getAssessmentsCount();
        if (needed > 0) {
            missing.add(needed + (needed == 1 ? " more self-assessment" : " more self-assessments") + " before the plan reports patterns.");
        }
        if (profile.getEmployerFeedbackCount() == 0) {
            missing.add("No employer feedback yet: the suggestions rest on self-assessments alone, which tend to be unreliable.");
        }
        return missing;
    }
}
