package dev.rebound.worker.streams;

import static dev.rebound.worker.Events.assessment;
import static dev.rebound.worker.Events.erasure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rebound.contract.Topics;
import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.Grade;
import dev.rebound.proto.v1.ImprovementPlan;
import dev.rebound.proto.v1.UserEvent;

class PlanTopologyTest {

    TopologyTestDriver driver;
    TestInputTopic<String, UserEvent> events;
    TestOutputTopic<String, ImprovementPlan> plans;

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "plan-topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(PlanTopology.build(200, 3), config);
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
}
