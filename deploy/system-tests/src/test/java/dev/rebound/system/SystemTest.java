package dev.rebound.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.rebound.contract.Topics;
import dev.rebound.devkit.LocalStack;
import dev.rebound.proto.internal.v1.GetPlanRequest;
import dev.rebound.proto.internal.v1.PlanQueryServiceGrpc;
import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.CompetencyGrade;
import dev.rebound.proto.v1.ComposeReplyRequest;
import dev.rebound.proto.v1.EraseUserDataRequest;
import dev.rebound.proto.v1.GetImprovementPlanRequest;
import dev.rebound.proto.v1.Grade;
import dev.rebound.proto.v1.ImprovementPlan;
import dev.rebound.proto.v1.InterviewContext;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.ReplyServiceGrpc;
import dev.rebound.proto.v1.SubmitSelfAssessmentRequest;
import dev.rebound.proto.v1.Suggestion;
import dev.rebound.proto.v1.UserEvent;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;

/** End to end: real gRPC channels into the packaged services, a real broker, two worker instances. */
class SystemTest {

    static LocalStack system;
    static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        system = new LocalStack(Path.of(System.getProperty("rebound.reply-service.jar")),
                Path.of(System.getProperty("rebound.analytics-worker.jar")), 2,
                Path.of(System.getProperty("rebound.logs.dir", "target/system-test-logs")));
        channel = ManagedChannelBuilder.forAddress("localhost", system.replyService.grpcPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (channel != null) {
            channel.shutdownNow();
        }
        if (system != null) {
            system.close();
        }
    }

    static ReplyServiceGrpc.ReplyServiceBlockingStub as(String tenant) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + system.token(tenant));
        return ReplyServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    static SubmitSelfAssessmentRequest assessment(String user, String requestId, Competency competency, Grade grade) {
        return SubmitSelfAssessmentRequest.newBuilder()
                .setRequestId(requestId).setUserId(user)
                .setContext(InterviewContext.newBuilder().setCompany("Acme").setStage(InterviewStage.INTERVIEW_STAGE_INTERVIEW))
                .addGrades(CompetencyGrade.newBuilder().setCompetency(competency).setGrade(grade))
                .build();
    }

    /** Asks for the plan until {@code until} holds (the worker applies writes asynchronously). */
    static ImprovementPlan awaitPlan(String tenant, String user, Predicate<ImprovementPlan> until) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        ImprovementPlan last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = as(tenant).getImprovementPlan(GetImprovementPlanRequest.newBuilder().setUserId(user).build()).getPlan();
                if (until.test(last)) {
                    return last;
                }
            } catch (StatusRuntimeException notYet) {
                if (notYet.getStatus().getCode() != Status.Code.NOT_FOUND && notYet.getStatus().getCode() != Status.Code.UNAVAILABLE) {
                    throw notYet;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the plan of " + tenant + "/" + user + " never met the condition; last seen: " + last);
    }

    static Status.Code planStatus(String tenant, String user) {
        try {
            as(tenant).getImprovementPlan(GetImprovementPlanRequest.newBuilder().setUserId(user).build());
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void selfAssessmentsBecomeARankedPlan() throws Exception {
        String user = "ada-" + UUID.randomUUID();
        var acme = as("acme");
        acme.submitSelfAssessment(assessment(user, "a1", Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        acme.submitSelfAssessment(assessment(user, "a2", Competency.COMPETENCY_MOTIVATION, Grade.GRADE_SOLID));
        acme.submitSelfAssessment(assessment(user, "a3", Competency.COMPETENCY_COMPANY_RESEARCH, Grade.GRADE_STRONG));
        ImprovementPlan plan = awaitPlan("acme", user, p -> p.getAssessmentCount() == 3);
        assertEquals(List.of(Competency.COMPETENCY_TECHNICAL_DEPTH, Competency.COMPETENCY_MOTIVATION),
                plan.getSuggestionsList().stream().map(Suggestion::getCompetency).toList());
        assertEquals(user, plan.getUserId());
    }

    @Test
    void aRetriedWriteIsCountedOnce() throws Exception {
        String user = "retry-" + UUID.randomUUID();
        var acme = as("acme");
        acme.submitSelfAssessment(assessment(user, "same-id", Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        acme.submitSelfAssessment(assessment(user, "same-id", Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        // a later distinct write: once it shows, both copies before it have been processed
        acme.submitSelfAssessment(assessment(user, "other-id", Competency.COMPETENCY_MOTIVATION, Grade.GRADE_GAP));
        ImprovementPlan plan = awaitPlan("acme", user, p -> p.getSuggestionsList().stream()
                .anyMatch(s -> s.getCompetency() == Competency.COMPETENCY_MOTIVATION));
        assertEquals(2, plan.getAssessmentCount());
    }

    @Test
    void erasureRemovesThePlanAndTombstonesIt() throws Exception {
        String user = "erase-" + UUID.randomUUID();
        as("acme").submitSelfAssessment(assessment(user, "e1", Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        awaitPlan("acme", user, p -> p.getAssessmentCount() == 1);
        as("acme").eraseUserData(EraseUserDataRequest.newBuilder().setRequestId("erase-1").setUserId(user).build());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (planStatus("acme", user) != Status.Code.NOT_FOUND && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(Status.Code.NOT_FOUND, planStatus("acme", user));
        List<ConsumerRecord<String, byte[]>> plans = records(Topics.PLANS, "acme/" + user, r -> r.value() == null);
        assertNull(plans.get(plans.size() - 1).value(), "the last plan record is a tombstone");
    }

    @Test
    void anotherTenantCannotSeeTheUser() throws Exception {
        String user = "shared-name-" + UUID.randomUUID();
        as("acme").submitSelfAssessment(assessment(user, "t1", Competency.COMPETENCY_TECHNICAL_DEPTH, Grade.GRADE_GAP));
        awaitPlan("acme", user, p -> p.getAssessmentCount() == 1);
        assertEquals(Status.Code.NOT_FOUND, planStatus("globex", user));
    }

    @Test
    void callsWithoutATokenAreRefused() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> ReplyServiceGrpc.newBlockingStub(channel)
                .getImprovementPlan(GetImprovementPlanRequest.newBuilder().setUserId("ada").build()));
        assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
    }

    @Test
    void aComposedReplyLeavesAnEventOnTheTopic() throws Exception {
        String user = "compose-" + UUID.randomUUID();
        var reply = as("acme").composeReply(ComposeReplyRequest.newBuilder()
                .setRequestId("c1").setUserId(user).setCandidateName("Ada Lovelace").setCompany("Acme")
                .setStage(InterviewStage.INTERVIEW_STAGE_PHONE_SCREEN).build());
        assertTrue(reply.getBody().endsWith("\nAda Lovelace"), reply.getBody());
        ConsumerRecord<String, byte[]> record = records(Topics.USER_EVENTS, "acme/" + user, r -> true).get(0);
        UserEvent event = UserEvent.parseFrom(record.value());
        assertEquals(InterviewStage.INTERVIEW_STAGE_PHONE_SCREEN, event.getReplyComposed().getStage());
        assertEquals(reply.getWordCount(), event.getReplyComposed().getWordCount());
    }

    @Test
    void everyWorkerInstanceAnswersForEveryUser() throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String user = "spread-" + i + "-" + UUID.randomUUID();
            users.add(user);
            as("acme").submitSelfAssessment(assessment(user, "s" + i, Competency.COMPETENCY_PROBLEM_SOLVING, Grade.GRADE_GAP));
        }
        for (String user : users) {
            awaitPlan("acme", user, p -> p.getAssessmentCount() == 1);
        }
        // ask each instance directly: the one that does not own a key must forward to the one that does
        for (LocalStack.Service worker : system.workers) {
            ManagedChannel direct = ManagedChannelBuilder.forAddress("localhost", worker.grpcPort()).usePlaintext().build();
            try {
                var queries = PlanQueryServiceGrpc.newBlockingStub(direct).withDeadlineAfter(10, TimeUnit.SECONDS);
                for (String user : users) {
                    ImprovementPlan plan = queries.getPlan(GetPlanRequest.newBuilder().setTenant("acme").setUserId(user).build()).getPlan();
                    assertEquals(user, plan.getUserId(), worker.name());
                }
            } finally {
                direct.shutdownNow();
            }
        }
    }

    /** The records with {@code key} on {@code topic}, read from the start until one matches {@code last}. */
    static List<ConsumerRecord<String, byte[]>> records(String topic, String key, Predicate<ConsumerRecord<String, byte[]>> last) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && (found.isEmpty() || !last.test(found.get(found.size() - 1)))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
            assertTrue(!found.isEmpty() && last.test(found.get(found.size() - 1)), "no matching record for " + key + " on " + topic);
            return found;
        }
    }
}
