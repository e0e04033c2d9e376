package dev.rebound.worker.streams;

import static dev.rebound.worker.Events.assessment;
import static dev.rebound.worker.Events.erasure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rebound.contract.Topics;
import dev.rebound.proto.internal.v1.CohortStats;
import dev.rebound.proto.internal.v1.UserProfileState;
import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.Grade;
import dev.rebound.proto.v1.ImprovementPlan;
import dev.rebound.proto.v1.Suggestion;
import dev.rebound.proto.v1.UserEvent;
import dev.rebound.worker.domain.CohortContribution;
import dev.rebound.worker.domain.PlanBuilder;

class PlanTopologyTest {

    TopologyTestDriver driver;
    TestInputTopic<String, UserEvent> events;
    TestOutputTopic<String, ImprovementPlan> plans;
    LocalStores localStores = new LocalStores();

    static Properties config(String applicationId) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return config;
    }

    @BeforeEach
    void start() {
        driver = new TopologyTestDriver(PlanTopology.build(200, 3, localStores), config("plan-topology-test"));
        events = driver.createInputTopic(Topics.USER_EVENTS, Serdes.String().serializer(), PlanTopology.EVENT_SERDE.serializer());
        plans = driver.createOutputTopic(Topics.PLANS, Serdes.String().deserializer(), PlanTopology.PLAN_SERDE.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    void send(UserEvent event) {
        events.pipeInput(event.getTenant() + "/" + event.getUserId(), event);
    }

    KeyValueStore<String, ImprovementPlan> planStore() {
        return driver.getKeyValueStore(PlanTopology.PLANS_STORE);
    }

    @Test
    void publishesAPlanForEveryNewAssessment() {
        send(assessment("acme", "ada", "1", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        send(assessment("acme", "ada", "2", 1, Competency.COMPETENCY_MOTIVATION, Grade.GRADE_SOLID));
        List<KeyValue<String, ImprovementPlan>> published = plans.readKeyValuesToList();
        assertEquals(2, published.size());
        assertEquals("acme/ada", published.get(1).key);
        assertEquals(2, published.get(1).value.getAssessmentCount());
        assertEquals(published.get(1).value, planStore().get("acme/ada"));
        // what plan queries read: the same stores, listed by partition (the test driver runs partition 0)
        assertEquals(published.get(1).value, localStores.forPartition(0).orElseThrow().plans().get("acme/ada"));
        assertEquals(2, localStores.forPartition(0).orElseThrow().profiles().get("acme/ada").getAssessmentsCount());
        assertTrue(localStores.forPartition(1).isEmpty());
    }

    @Test
    void aClosedTaskIsNoLongerListedForQueries() {
        LocalStores ownStores = new LocalStores();
        TopologyTestDriver own = new TopologyTestDriver(PlanTopology.build(200, 3, ownStores), config("closed-task-test"));
        assertTrue(ownStores.forPartition(0).isPresent());
        own.close();
        assertTrue(ownStores.forPartition(0).isEmpty());
    }

    @Test
    void countsADuplicateRequestIdOnceAndPublishesNothingForIt() {
        send(assessment("acme", "ada", "same", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        send(assessment("acme", "ada", "same", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        assertEquals(1, plans.readValuesToList().size());
        assertEquals(1, planStore().get("acme/ada").getAssessmentCount());
    }

    @Test
    void erasureDeletesTheStateAndTombstonesThePlan() {
        send(assessment("acme", "ada", "1", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        send(erasure("acme", "ada", "erase-1", 1));
        List<KeyValue<String, ImprovementPlan>> published = plans.readKeyValuesToList();
        assertEquals(KeyValue.pair("acme/ada", null), published.get(1));
        assertNull(planStore().get("acme/ada"));
        assertNull(driver.getKeyValueStore(PlanTopology.PROFILES_STORE).get("acme/ada"));
        // facts after the erasure start a new profile from nothing
        send(assessment("acme", "ada", "2", 2, Competency.COMPETENCY_MOTIVATION, Grade.GRADE_GAP));
        assertEquals(1, planStore().get("acme/ada").getAssessmentCount());
    }

    @Test
    void keepsTheSameUserIdInTwoTenantsApart() {
        send(assessment("acme", "ada", "1", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        send(assessment("globex", "ada", "1", 0, Competency.COMPETENCY_MOTIVATION, Grade.GRADE_GAP));
        assertEquals(Competency.COMPETENCY_TECHNICAL_DEPTH, planStore().get("acme/ada").getSuggestions(0).getCompetency());
        assertEquals(Competency.COMPETENCY_MOTIVATION, planStore().get("globex/ada").getSuggestions(0).getCompetency());
        send(erasure("acme", "ada", "e", 1));
        assertNull(planStore().get("acme/ada"));
        assertTrue(planStore().get("globex/ada") != null);
    }

    @Test
    void aPlanStoredBeforeItsCohortReachedTheFloorIsServedWithTheCohortOnceItHas() {
        send(assessment("acme", "ada", "ada-1", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        driver.advanceWallClockTime(PlanTopology.DELTA_FLUSH_INTERVAL);
        ImprovementPlan stored = planStore().get("acme/ada");
        assertTrue(stored.getMissingEvidenceList().stream().anyMatch(line -> line.contains("privacy floor")), stored.toString());
        // three more users (k = 3 here) give the cohort 22 grades for the competency; Ada sends nothing more
        for (String user : List.of("bo", "cy", "di")) {
            for (int day = 1; day <= 7; day++) {
                send(assessment("acme", user, user + "-" + day, day, Competency.COMPETENCY_TECHNICAL_DEPTH,
                        day % 2 == 0 ? Grade.GRADE_STRONG : Grade.GRADE_GAP));
            }
        }
        driver.advanceWallClockTime(PlanTopology.DELTA_FLUSH_INTERVAL);
        assertEquals(stored, planStore().get("acme/ada"));

        KeyValueStore<String, UserProfileState> profiles = driver.getKeyValueStore(PlanTopology.PROFILES_STORE);
        KeyValueStore<String, CohortStats> cohorts = driver.getKeyValueStore(PlanTopology.COHORTS_GLOBAL_STORE);
        ImprovementPlan served = new PlanBuilder(3).withCohortOnceItQualifies(stored,
                () -> Optional.ofNullable(profiles.get("acme/ada")), cohort -> Optional.ofNullable(cohorts.get(cohort)));

        Suggestion technical = served.getSuggestions(0);
        assertEquals(Competency.COMPETENCY_TECHNICAL_DEPTH, technical.getCompetency());
        assertEquals(4, technical.getCohort().getUsers());
        assertEquals(22, technical.getCohort().getGrades());
        assertTrue(served.getMissingEvidenceList().stream().noneMatch(line -> line.contains("privacy floor")), served.toString());
        assertEquals(stored.getUpdatedAt(), served.getUpdatedAt());
        assertEquals(stored.getAssessmentCount(), served.getAssessmentCount());
    }

    /** k = 3 here: a tenant with 3 of 4 users could subtract its own and read the 4th user's grades. */
    @Test
    void aCohortThatMixesTenantsNeedsKUsersOutsideItsLargestTenant() {
        KeyValueStore<String, CohortStats> published = driver.getKeyValueStore(PlanTopology.COHORTS_GLOBAL_STORE);
        String cohort = CohortContribution.cohortOf(
                assessment("acme", "ada", "ada-1", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP).getSelfAssessmentSubmitted().getContext());
        for (String user : List.of("ada", "bo", "cy")) {
            send(assessment("acme", user, user + "-1", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        }
        driver.advanceWallClockTime(PlanTopology.DELTA_FLUSH_INTERVAL);
        assertEquals(3, published.get(cohort).getUsers(), "one tenant's own three users: published");

        send(assessment("globex", "di", "di-1", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_STRONG));
        driver.advanceWallClockTime(PlanTopology.DELTA_FLUSH_INTERVAL);
        assertNull(published.get(cohort), "one user outside acme: withdrawn");
        KeyValueStore<String, UserProfileState> profiles = driver.getKeyValueStore(PlanTopology.PROFILES_STORE);
        CohortStats withheld = CohortStats.newBuilder().setCohort(cohort).setUsers(4).putUsersByTenant("acme", 3).putUsersByTenant("globex", 1).build();
        ImprovementPlan plan = new PlanBuilder(3).build(profiles.get("acme/ada"), planStore().get("acme/ada").getUpdatedAt(), key -> Optional.of(withheld));
        assertTrue(plan.getMissingEvidenceList().stream().anyMatch(line -> line.contains("privacy floor")), "nor does a plan show it: " + plan);

        for (String user : List.of("eve", "fay")) {
            send(assessment("globex", user, user + "-1", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_STRONG));
        }
        driver.advanceWallClockTime(PlanTopology.DELTA_FLUSH_INTERVAL);
        CohortStats mixed = published.get(cohort);
        assertEquals(6, mixed.getUsers(), "three users on each side: published");
        assertEquals(3, mixed.getUsersByTenantOrThrow("acme"));
        assertEquals(3, mixed.getUsersByTenantOrThrow("globex"));

        send(erasure("globex", "fay", "fay-erase", 1));
        driver.advanceWallClockTime(PlanTopology.DELTA_FLUSH_INTERVAL);
        assertNull(published.get(cohort), "an erasure that leaves two users outside acme withdraws it again");
    }

    @Test
    void aPlanWhoseCohortIsStillTooSmallIsServedAsStored() {
        send(assessment("acme", "ada", "ada-1", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        send(assessment("acme", "bo", "bo-1", 0, Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        driver.advanceWallClockTime(PlanTopology.DELTA_FLUSH_INTERVAL);
        ImprovementPlan stored = planStore().get("acme/ada");
        KeyValueStore<String, UserProfileState> profiles = driver.getKeyValueStore(PlanTopology.PROFILES_STORE);
        KeyValueStore<String, CohortStats> cohorts = driver.getKeyValueStore(PlanTopology.COHORTS_GLOBAL_STORE);
        try (KeyValueIterator<String, CohortStats> published = cohorts.all()) {
            assertFalse(published.hasNext(), "two users are below k = 3: nothing is published");
        }
        assertEquals(stored, new PlanBuilder(3).withCohortOnceItQualifies(stored,
                () -> Optional.ofNullable(profiles.get("acme/ada")), cohort -> Optional.ofNullable(cohorts.get(cohort))));
    }
}
