package dev.rebound.worker.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import com.google.protobuf.Timestamp;

import dev.rebound.contract.Topics;
import dev.rebound.proto.internal.v1.CohortStats;
import dev.rebound.proto.internal.v1.CompetencyCounts;
import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.CompetencyGrade;
import dev.rebound.proto.v1.Grade;
import dev.rebound.proto.v1.ImprovementPlan;
import dev.rebound.proto.v1.InterviewContext;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.Outcome;
import dev.rebound.proto.v1.RoleFamily;
import dev.rebound.proto.v1.SelfAssessmentSubmitted;
import dev.rebound.proto.v1.Seniority;
import dev.rebound.proto.v1.UserDataErased;
import dev.rebound.proto.v1.UserEvent;

/**
 * Replays a generated event log (duplicates, erasures, several tenants) through the topology and
 * compares every cohort figure with a straightforward recomputation written independently here.
 */
class CohortReplayTest {

    static final int HISTORY_LIMIT = 5;
    static final int K = 4;

    /** The cohort figures recomputed the plain way: per user the retained assessments, then counts. */
    static Map<String, CohortStats> recompute(List<UserEvent> log) {
        Map<String, List<UserEvent>> retained = new LinkedHashMap<>();
        for (UserEvent event : log) {
            String key = event.getTenant() + "/" + event.getUserId();
            List<UserEvent> mine = retained.computeIfAbsent(key, k -> new ArrayList<>());
            if (event.hasUserDataErased()) {
                mine.clear();
            } else if (mine.stream().noneMatch(e -> e.getEventId().equals(event.getEventId()))) {
                mine.add(event);
                if (mine.size() > HISTORY_LIMIT) {
                    mine.remove(0);
                }
            }
        }
        Map<String, Set<String>> users = new TreeMap<>();
        Map<String, Map<Integer, long[]>> counts = new TreeMap<>();
        retained.forEach((user, events) -> events.forEach(event -> {
            InterviewContext c = event.getSelfAssessmentSubmitted().getContext();
            String cohort = c.getRoleFamilyValue() + "/" + c.getSeniorityValue() + "/" + c.getStageValue();
            users.computeIfAbsent(cohort, k -> new HashSet<>()).add(user);
            for (CompetencyGrade grade : event.getSelfAssessmentSubmitted().getGradesList()) {
                long[] n = counts.computeIfAbsent(cohort, k -> new TreeMap<>()).computeIfAbsent(grade.getCompetencyValue(), k -> new long[7]);
                boolean strong = grade.getGrade() == Grade.GRADE_STRONG;
                n[grade.getGrade() == Grade.GRADE_STRONG ? 0 : grade.getGrade() == Grade.GRADE_SOLID ? 1 : 2]++;
                if (c.getOutcome() == Outcome.OUTCOME_OFFER) {
                    n[3] += strong ? 1 : 0;
                    n[4]++;
                } else if (c.getOutcome() == Outcome.OUTCOME_REJECTED) {
                    n[5] += strong ? 1 : 0;
                    n[6]++;
                }
            }
        }));
        Map<String, CohortStats> expected = new TreeMap<>();
        users.forEach((cohort, members) -> {
            CohortStats.Builder stats = CohortStats.newBuilder().setCohort(cohort).setUsers(members.size());
            members.forEach(member -> stats.putUsersByTenant(member.split("/")[0], stats.getUsersByTenantOrDefault(member.split("/")[0], 0) + 1));
            counts.getOrDefault(cohort, Map.of()).forEach((competency, n) -> stats.addCompetencies(CompetencyCounts.newBuilder()
                    .setCompetency(competency).setStrong(n[0]).setSolid(n[1]).setGap(n[2]).setOfferStrong(n[3]).setOfferGrades(n[4])
                    .setRejectedStrong(n[5]).setRejectedGrades(n[6])));
            expected.put(cohort, stats.build());
        });
        return expected;
    }

    /** The privacy floor, stated independently: k users, and k outside the largest tenant when tenants mix. */
    static boolean publishable(CohortStats stats) {
        long outsideLargest = stats.getUsers() - stats.getUsersByTenantMap().values().stream().mapToLong(Long::longValue).max().orElse(0);
        return stats.getUsers() >= K && (stats.getUsersByTenantCount() == 1 || outsideLargest >= K);
    }

    static List<UserEvent> generate(long seed, int events) {
        Random random = new Random(seed);
        List<UserEvent> log = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String tenant = "tenant-" + random.nextInt(3);
            String user = "user-" + random.nextInt(25);
            int roll = random.nextInt(100);
            UserEvent.Builder event = UserEvent.newBuilder().setTenant(tenant).setUserId(user)
                    .setOccurredAt(Timestamp.newBuilder().setSeconds(1_700_000_000L + i));
            if (roll < 3) {
                log.add(event.setEventId("erase-" + i).setUserDataErased(UserDataErased.getDefaultInstance()).build());
                continue;
            }
            // a retried write reuses an earlier id of the same user now and then
            String id = roll < 10 && i > 0 ? "req-" + (i - 1) : "req-" + i;
            SelfAssessmentSubmitted.Builder assessment = SelfAssessmentSubmitted.newBuilder().setContext(InterviewContext.newBuilder()
                    .setRoleFamily(RoleFamily.forNumber(1 + random.nextInt(2)))
                    .setSeniority(Seniority.forNumber(3 + random.nextInt(2)))
                    .setStage(InterviewStage.INTERVIEW_STAGE_INTERVIEW)
                    .setOutcome(Outcome.forNumber(random.nextInt(4)))
                    .setInterviewedAt(Timestamp.newBuilder().setSeconds(1_700_000_000L + i)));
            for (int c = 1; c <= 12; c++) {
                if (random.nextInt(4) == 0) {
                    assessment.addGrades(CompetencyGrade.newBuilder().setCompetency(Competency.forNumber(c)).setGrade(Grade.forNumber(1 + random.nextInt(3))));
                }
            }
            if (assessment.getGradesCount() == 0) {
                assessment.addGrades(CompetencyGrade.newBuilder().setCompetency(Competency.COMPETENCY_MOTIVATION).setGrade(Grade.GRADE_SOLID));
            }
            log.add(event.setEventId(id).setSelfAssessmentSubmitted(assessment).build());
        }
        return log;
    }

    static TopologyTestDriver driver() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "cohort-replay-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(PlanTopology.build(HISTORY_LIMIT, K, new LocalStores()), config);
    }

    static Map<String, CohortStats> cohorts(TopologyTestDriver driver) {
        KeyValueStore<String, CohortStats> store = driver.getKeyValueStore(PlanTopology.COHORTS_STORE);
        Map<String, CohortStats> all = new TreeMap<>();
        try (KeyValueIterator<String, CohortStats> iterator = store.all()) {
            iterator.forEachRemaining((KeyValue<String, CohortStats> entry) -> all.put(entry.key, entry.value));
        }
        return all;
    }

    static void replay(TopologyTestDriver driver, List<UserEvent> log) {
        TestInputTopic<String, UserEvent> events = driver.createInputTopic(Topics.USER_EVENTS, Serdes.String().serializer(),
                PlanTopology.EVENT_SERDE.serializer());
        for (int i = 0; i < log.size(); i++) {
            UserEvent event = log.get(i);
            events.pipeInput(event.getTenant() + "/" + event.getUserId(), event);
            // cohort changes are sent on in batches: let some pile up, then flush
            if (i % 50 == 49) {
                driver.advanceWallClockTime(PlanTopology.DELTA_FLUSH_INTERVAL);
            }
        }
        driver.advanceWallClockTime(PlanTopology.DELTA_FLUSH_INTERVAL);
    }

    @Test
    void everyCohortFigureEqualsAnIndependentRecomputation() {
        for (long seed = 1; seed <= 2; seed++) {
            List<UserEvent> log = generate(seed, 700);
            try (TopologyTestDriver driver = driver()) {
                replay(driver, log);
                Map<String, CohortStats> expected = recompute(log);
                assertFalse(expected.isEmpty());
                assertEquals(expected, cohorts(driver), "seed " + seed);
            }
        }
    }

    @Test
    void erasingAUserLeavesExactlyTheFiguresWithoutThem() {
        List<UserEvent> log = new ArrayList<>(generate(7, 500));
        UserEvent victim = log.get(log.size() - 1);
        log.add(UserEvent.newBuilder().setTenant(victim.getTenant()).setUserId(victim.getUserId()).setEventId("erase-final")
                .setUserDataErased(UserDataErased.getDefaultInstance()).build());
        List<UserEvent> withoutVictim = log.stream()
                .filter(e -> !(e.getTenant().equals(victim.getTenant()) && e.getUserId().equals(victim.getUserId())))
                .toList();
        try (TopologyTestDriver driver = driver()) {
            replay(driver, log);
            assertEquals(recompute(withoutVictim), cohorts(driver));
            KeyValueStore<String, ImprovementPlan> plans = driver.getKeyValueStore(PlanTopology.PLANS_STORE);
            assertEquals(null, plans.get(victim.getTenant() + "/" + victim.getUserId()));
        }
    }

    @Test
    void publishesOnlyCohortsAboveThePrivacyFloor() {
        List<UserEvent> log = generate(5, 400);
        try (TopologyTestDriver driver = driver()) {
            var published = driver.createOutputTopic(Topics.COHORT_STATS, Serdes.String().deserializer(), PlanTopology.COHORT_SERDE.deserializer());
            replay(driver, log);
            var records = published.readKeyValuesToList();
            assertFalse(records.isEmpty());
            records.stream().filter(r -> r.value != null).forEach(r -> assertTrue(publishable(r.value), r.toString()));
            // the global copy every instance reads holds exactly the cohorts at or above the floor
            Map<String, CohortStats> expected = new TreeMap<>(recompute(log));
            expected.values().removeIf(stats -> !publishable(stats));
            assertFalse(expected.isEmpty(), "the log has cohorts above the floor");
            // the driver hands out a timestamped store with the timestamps stripped
            KeyValueStore<String, CohortStats> global = driver.getKeyValueStore(PlanTopology.COHORTS_GLOBAL_STORE);
            Map<String, CohortStats> globalCopy = new TreeMap<>();
            try (KeyValueIterator<String, CohortStats> iterator = global.all()) {
                iterator.forEachRemaining(entry -> globalCopy.put(entry.key, entry.value));
            }
            assertEquals(expected, globalCopy);
        }
    }

    @Test
    void servedPlansCarryCohortFiguresOnlyForCohortsOfAtLeastKUsers() {
        List<UserEvent> log = generate(11, 700);
        try (TopologyTestDriver driver = driver()) {
            replay(driver, log);
            Map<String, CohortStats> cohorts = cohorts(driver);
            KeyValueStore<String, ImprovementPlan> plans = driver.getKeyValueStore(PlanTopology.PLANS_STORE);
            Map<String, Integer> shown = new HashMap<>();
            try (KeyValueIterator<String, ImprovementPlan> iterator = plans.all()) {
                iterator.forEachRemaining(entry -> entry.value.getSuggestionsList().stream().filter(s -> s.hasCohort()).forEach(s -> {
                    assertTrue(s.getCohort().getUsers() >= K, s.toString());
                    assertTrue(s.getCohort().getGrades() >= 20, s.toString());
                    assertTrue(s.getCohort().getGapShareLow() <= s.getCohort().getGapShare()
                            && s.getCohort().getGapShare() <= s.getCohort().getGapShareHigh());
                    shown.merge(s.getCohort().getCohort(), 1, Integer::sum);
                }));
            }
            assertFalse(shown.isEmpty(), "some cohort reached the floor in this log: " + cohorts.keySet());
        }
    }
}
