package dev.rebound.worker.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.rebound.proto.internal.v1.CohortStats;
import dev.rebound.proto.internal.v1.CompetencyCounts;
import dev.rebound.proto.internal.v1.RecordedAssessment;
import dev.rebound.proto.internal.v1.RecordedFeedback;
import dev.rebound.proto.internal.v1.UserProfileState;
import dev.rebound.proto.v1.CompetencyGrade;
import dev.rebound.proto.v1.InterviewContext;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.Outcome;
import dev.rebound.proto.v1.RoleFamily;
import dev.rebound.proto.v1.Seniority;
import dev.rebound.proto.v1.ThemeMatch;

/**
 * What one user's profile adds to each cohort's statistics. Cohort figures are the sum of every
 * user's contribution, so a change to a profile moves them by exactly
 * {@code contribution(new) − contribution(old)}, and erasing a user subtracts exactly what the user
 * added: the figures always equal a recomputation from the profiles that remain.
 */
public final class CohortContribution {

    private CohortContribution() {
    }

    /** The cohort key of an interview: "<role family>/<seniority>/<stage>" as enum numbers. */
    public static String cohortOf(InterviewContext context) {
        return context.getRoleFamilyValue() + "/" + context.getSeniorityValue() + "/" + context.getStageValue();
    }

    /** A cohort key in words, e.g. "software engineering, senior, interview". */
    public static String describe(String cohort) {
        String[] parts = cohort.split("/");
        return String.join(", ",
                words(RoleFamily.forNumber(Integer.parseInt(parts[0])), "ROLE_FAMILY_"),
                words(Seniority.forNumber(Integer.parseInt(parts[1])), "SENIORITY_"),
                words(InterviewStage.forNumber(Integer.parseInt(parts[2])), "INTERVIEW_STAGE_"));
    }

    /** Per cohort, what the profile adds; a null profile adds nothing. */
    public static Map<String, CohortStats> of(UserProfileState profile) {
        Map<String, Accumulator> cohorts = new TreeMap<>();
        if (profile != null) {
            for (RecordedAssessment recorded : profile.getAssessmentsList()) {
                InterviewContext context = recorded.getAssessment().getContext();
                Accumulator cohort = cohorts.computeIfAbsent(cohortOf(context), k -> new Accumulator());
                for (CompetencyGrade grade : recorded.getAssessment().getGradesList()) {
                    cohort.grade(grade, context.getOutcome(), 1);
                }
            }
            for (RecordedFeedback recorded : profile.getEmployerFeedbackList()) {
                Accumulator cohort = cohorts.computeIfAbsent(cohortOf(recorded.getFeedback().getContext()), k -> new Accumulator());
                cohort.feedbackRecords++;
                for (ThemeMatch theme : recorded.getFeedback().getThemesList()) {
                    cohort.themes.merge(theme.getThemeValue(), 1L, Long::sum);
                }
            }
        }
        Map<String, CohortStats> stats = new TreeMap<>();
        cohorts.forEach((cohort, accumulator) -> {
            accumulator.users = 1;
            accumulator.usersByTenant.put(profile.getTenant(), 1L);
            stats.put(cohort, accumulator.toStats(cohort));
        });
        return stats;
    }

    /** contribution(after) − contribution(before), per cohort that changed. */
    public static Map<String, CohortStats> delta(UserProfileState before, UserProfileState after) {
        Map<String, CohortStats> old = of(before);
        Map<String, CohortStats> now = of(after);
        Map<String, CohortStats> delta = new TreeMap<>();
        for (String cohort : union(old, now)) {
            CohortStats change = add(now.getOrDefault(cohort, empty(cohort)), negate(old.getOrDefault(cohort, empty(cohort))));
            if (!isZero(change)) {
                delta.put(cohort, change);
            }
        }
        return delta;
    }

    /** a + b, field by field, with zero entries left out (so equal figures are equal messages). */
    public static CohortStats add(CohortStats a, CohortStats b) {
        Accumulator sum = new Accumulator();
        sum.absorb(a, 1);
        sum.absorb(b, 1);
        return sum.toStats(a.getCohort().isEmpty() ? b.getCohort() : a.getCohort());
    }

    public static CohortStats empty(String cohort) {
        return CohortStats.newBuilder().setCohort(cohort).build();
    }

    public static boolean isZero(CohortStats stats) {
        return stats.getUsers() == 0 && stats.getCompetenciesCount() == 0 && stats.getThemesCount() == 0 && stats.getFeedbackRecords() == 0
                && stats.getUsersByTenantCount() == 0;
    }

    /**
     * Whether a cohort's figures may be published and served: at least {@code k} users, and, when
     * they come from several tenants, at least {@code k} outside the largest one. Every tenant knows
     * its own users' answers; subtracting them must still leave k users it cannot tell apart, or a
     * tenant with 19 of 20 users would read the 20th user's grades. A cohort of one tenant only
     * tells that tenant what it already has. Users whose tenant is not counted (figures kept before
     * tenants were counted, until the log is replayed) are assumed to belong to the largest tenant.
     */
    public static boolean clearsPrivacyFloor(CohortStats stats, int k) {
        LongSummaryStatistics tenants = stats.getUsersByTenantMap().values().stream().mapToLong(Long::longValue).summaryStatistics();
        long uncounted = stats.getUsers() - tenants.getSum();
        long largestTenant = (tenants.getCount() == 0 ? 0 : tenants.getMax()) + uncounted;
        boolean oneTenant = tenants.getCount() == 1 && uncounted == 0;
        return stats.getUsers() >= k && (oneTenant || stats.getUsers() - largestTenant >= k);
    }

    private static CohortStats negate(CohortStats stats) {
        Accumulator negative = new Accumulator();
        negative.absorb(stats, -1);
        return negative.toStats(stats.getCohort());
    }

    private static Set<String> union(Map<String, CohortStats> a, Map<String, CohortStats> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static String words(Enum<?> value, String prefix) {
        return value.name().substring(prefix.length()).replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** Mutable sums while a contribution is computed. */
    private static final class Accumulator {
        long users;
        long feedbackRecords;
        final Map<Integer, long[]> competencies = new TreeMap<>();
        final Map<Integer, Long> themes = new TreeMap<>();
        final Map<String, Long> usersByTenant = new TreeMap<>();

        void grade(CompetencyGrade grade, Outcome outcome, long sign) {
            long[] c = competencies.computeIfAbsent(grade.getCompetencyValue(), k -> new long[7]);
            int index = switch (grade.getGrade()) {
                case GRADE_STRONG -> 0;
                case GRADE_SOLID -> 1;
                default -> 2;
            };
            c[index] += sign;
            boolean strong = index == 0;
            if (outcome == Outcome.OUTCOME_OFFER) {
                c[3] += strong ? sign : 0;
                c[4] += sign;
            } else if (outcome == Outcome.OUTCOME_REJECTED) {
                c[5] += strong ? sign : 0;
                c[6] += sign;
            }
        }

        void absorb(CohortStats stats, long sign) {
            users += sign * stats.getUsers();
            feedbackRecords += sign * stats.getFeedbackRecords();
            for (CompetencyCounts counts : stats.getCompetenciesList()) {
                long[] c = competencies.computeIfAbsent(counts.getCompetency(), k -> new long[7]);
                long[] add = {counts.getStrong(), counts.getSolid(), counts.getGap(), counts.getOfferStrong(),
                        counts.getOfferGrades(), counts.getRejectedStrong(), counts.getRejectedGrades()};
                for (int i = 0; i < c.length; i++) {
                    c[i] += sign * add[i];
                }
            }
            stats.getThemesMap().forEach((theme, count) -> themes.merge(theme, sign * count, Long::sum));
            stats.getUsersByTenantMap().forEach((tenant, count) -> usersByTenant.merge(tenant, sign * count, Long::sum));
        }

        CohortStats toStats(String cohort) {
            CohortStats.Builder stats = CohortStats.newBuilder().setCohort(cohort).setUsers(users).setFeedbackRecords(feedbackRecords);
            competencies.forEach((competency, c) -> {
                if (Arrays.stream(c).anyMatch(v -> v != 0)) {
                    stats.addCompetencies(CompetencyCounts.newBuilder().setCompetency(competency)
                            .setStrong(c[0]).setSolid(c[1]).setGap(c[2]).setOfferStrong(c[3]).setOfferGrades(c[4])
                            .setRejectedStrong(c[5]).setRejectedGrades(c[6]));
                }
            });
            themes.forEach((theme, count) -> {
                if (count != 0) {
                    stats.putThemes(theme, count);
                }
            });
            usersByTenant.forEach((tenant, count) -> {
                if (count != 0) {
                    stats.putUsersByTenant(tenant, count);
                }
            });
            return stats.build();
        }
    }
}
