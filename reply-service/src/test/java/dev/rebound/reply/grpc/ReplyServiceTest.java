package dev.rebound.reply.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.rebound.contract.Topics;
import dev.rebound.devkit.DevTokens;
import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.CompetencyGrade;
import dev.rebound.proto.v1.ComposeReplyRequest;
import dev.rebound.proto.v1.ComposeReplyResponse;
import dev.rebound.proto.v1.FeedbackPolicy;
import dev.rebound.proto.v1.FeedbackTheme;
import dev.rebound.proto.v1.Finding;
import dev.rebound.proto.v1.FindingCategory;
import dev.rebound.proto.v1.Practice;
import dev.rebound.proto.v1.ReviewDraftRequest;
import dev.rebound.proto.v1.ReviewDraftResponse;
import dev.rebound.proto.v1.Verdict;
import dev.rebound.proto.v1.GetImprovementPlanRequest;
import dev.rebound.proto.v1.Grade;
import dev.rebound.proto.v1.InterviewContext;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.RecordEmployerFeedbackRequest;
import dev.rebound.proto.v1.RecordEmployerFeedbackResponse;
import dev.rebound.proto.v1.ReplyChannel;
import dev.rebound.proto.v1.ReplySection;
import dev.rebound.proto.v1.ReplyServiceGrpc;
import dev.rebound.proto.v1.SubmitSelfAssessmentRequest;
import dev.rebound.proto.v1.UserEvent;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The reply-service through a real gRPC channel, publishing to a real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class ReplyServiceTest {

    @GrpcClient("reply")
    ReplyServiceGrpc.ReplyServiceBlockingStub anonymous;

    @ConfigProperty(name = "rebound.test.key-dir")
    Path keyDir;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    ReplyServiceGrpc.ReplyServiceBlockingStub as(String tenant) {
        return withAuthorization("Bearer " + DevTokens.inDirectory(keyDir).issue(tenant, Duration.ofMinutes(5)));
    }

    ReplyServiceGrpc.ReplyServiceBlockingStub withAuthorization(String value) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), value);
        return anonymous.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    @Test
    void composedReplyIsPublishedAsMetadataWithoutTheText() {
        String user = "u-" + UUID.randomUUID();
        ComposeReplyResponse reply = as("tenant-a").composeReply(ComposeReplyRequest.newBuilder()
                .setRequestId("compose-1").setUserId(user).setCandidateName("Ada Lovelace")
                .setCompany("Acme").setContactName("Darren Hale").setRole("Data Engineer")
                .setStage(InterviewStage.INTERVIEW_STAGE_INTERVIEW)
                .addInterviewHighlights("the data-platform roadmap discussion")
                .setEmployerDeclinedFeedback(true)
                .build());
        assertTrue(reply.getBody().startsWith("Hi Darren,") || reply.getBody().startsWith("Hello Darren,"), reply.getBody());
        assertFalse(reply.getBody().contains("feedback"));
        assertEquals(reply.getBody().split("\\s+").length, reply.getWordCount());

        ConsumerRecord<String, byte[]> record = eventsFor("tenant-a/" + user, 1).get(0);
        UserEvent event = parse(record.value());
        assertEquals("compose-1", event.getEventId());
        assertEquals("tenant-a", event.getTenant());
        assertEquals(reply.getSectionsList().stream().map(ReplySection::getPractice).toList(),
                event.getReplyComposed().getPracticesList());
        assertEquals(reply.getWordCount(), event.getReplyComposed().getWordCount());
        assertFalse(new String(record.value(), StandardCharsets.UTF_8).contains("roadmap"));
    }

    @Test
    void readsTheRejectionEmailAndRecommendsNoReplyToAnAutomatedApplicationRejection() {
        ComposeReplyResponse reply = as("tenant-a").composeReply(ComposeReplyRequest.newBuilder()
                .setUserId("u-" + UUID.randomUUID())
                .setRejectionEmail("From: Jobs <noreply@globex.example>\n\nDear Applicant,\n\nThank you for your application to the"
                        + " Data Engineer position at Globex. We will not be moving forward. We are unable to provide individual"
                        + " feedback.\n\nThe Globex Recruitment Team")
                .build());
        assertEquals(ReplyChannel.REPLY_CHANNEL_NO_REPLY_NEEDED, reply.getRecommendation().getChannel());
        assertEquals(InterviewStage.INTERVIEW_STAGE_APPLICATION, reply.getAnalysis().getStage());
        assertEquals(FeedbackPolicy.FEEDBACK_POLICY_DECLINED, reply.getAnalysis().getFeedbackPolicy());
        assertEquals("Globex", reply.getAnalysis().getCompany());
        assertEquals("Data Engineer", reply.getAnalysis().getRole());
        assertEquals("en", reply.getLanguage());
        assertFalse(reply.getBody().contains("feedback"), reply.getBody());
        assertTrue(reply.getLinkedinNote().codePointCount(0, reply.getLinkedinNote().length()) <= 200);
    }

    @Test
    void answersInTheLanguageOfAGermanEmail() {
        ComposeReplyResponse reply = as("tenant-a").composeReply(ComposeReplyRequest.newBuilder()
                .setUserId("u-" + UUID.randomUUID())
                .setRejectionEmail("Guten Tag Herr Kaya,\n\nvielen Dank für das Vorstellungsgespräch und Ihr Interesse an unserem"
                        + " Unternehmen. Leider haben wir uns für eine andere Bewerberin entschieden.\n\nMit freundlichen Grüßen\nAnna Schmidt")
                .build());
        assertEquals("de", reply.getLanguage());
        assertEquals("Anna Schmidt", reply.getAnalysis().getSenderName());
        assertTrue(reply.getBody().startsWith("Hallo Anna Schmidt,"), reply.getBody());
        assertEquals(ReplyChannel.REPLY_CHANNEL_EMAIL, reply.getRecommendation().getChannel());
    }

    @Test
    void reviewsADraftWithSpansAndAVerdict() {
        String draft = "Hi Helen, thanks for nothing. As I said, I am far more qualified. Tell me exactly why.";
        ReviewDraftResponse review = as("tenant-a").reviewDraft(ReviewDraftRequest.newBuilder()
                .setDraft(draft)
                .setRejectionEmail("Dear Tom, we are unable to provide individual feedback. Regards, Helen Marsh")
                .build());
        assertEquals(Verdict.VERDICT_DO_NOT_SEND, review.getVerdict());
        Finding sarcasm = review.getFindingsList().stream()
                .filter(f -> f.getCategory() == FindingCategory.FINDING_CATEGORY_SARCASTIC).findFirst().orElseThrow();
        assertEquals(draft.indexOf("thanks for nothing"), sarcasm.getStart());
        assertEquals(draft.indexOf("thanks for nothing") + "thanks for nothing".length(), sarcasm.getEnd());
        // the email declined feedback: its absence from the draft is not reported
        assertFalse(review.getMissingPracticesList().stream().anyMatch(m -> m.getPractice() == Practice.PRACTICE_FEEDBACK_REQUEST));
        assertEquals("en", review.getLanguage());

        StatusRuntimeException empty = assertThrows(StatusRuntimeException.class,
                () -> as("tenant-a").reviewDraft(ReviewDraftRequest.newBuilder().setDraft("  ").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, empty.getStatus().getCode());
        assertTrue(empty.getStatus().getDescription().startsWith("draft:"));
    }

    @Test
    void aMessageQuotedBelowTheDraftIsNotReviewed() {
        String own = "Hi Helen,\n\nThank you for letting me know. I enjoyed meeting the team and would be glad to be considered for future roles.\n\nBest,\nTom";
        String quoted = "\n\nOn Mon, Nov 3, 2026 at 10:12 AM Helen Marsh <helen@acme.com> wrote:\n> "
                + "Thank you for your time and interest. We were impressed and will keep your details on file. ".repeat(20);
        ReviewDraftResponse review = as("tenant-a").reviewDraft(ReviewDraftRequest.newBuilder().setDraft(own + quoted).build());
        assertEquals(Verdict.VERDICT_READY, review.getVerdict(), review.toString());
        assertEquals(own.split("\\s+").length, review.getWordCount());
        assertTrue(review.getFindingsList().isEmpty(), review.getFindingsList().toString());
    }

    @Test
    void selfAssessmentIsAcknowledgedOnlyOnceOnTheTopic() {
        String user = "u-" + UUID.randomUUID();
        var response = as("tenant-a").submitSelfAssessment(assessment(user, "sa-1"));
        assertTrue(response.getRecordedAt().getSeconds() > 0);
        UserEvent event = parse(eventsFor("tenant-a/" + user, 1).get(0).value());
        assertEquals(Grade.GRADE_GAP, event.getSelfAssessmentSubmitted().getGrades(0).getGrade());
        assertTrue(event.getSelfAssessmentSubmitted().getContext().hasInterviewedAt(), "interviewed_at defaults to now");
    }

    @Test
    void employerFeedbackReturnsItsThemesAndPublishesThem() {
        String user = "u-" + UUID.randomUUID();
        RecordEmployerFeedbackResponse response = as("tenant-b").recordEmployerFeedback(RecordEmployerFeedbackRequest.newBuilder()
                .setRequestId("fb-1").setUserId(user)
                .setContext(InterviewContext.newBuilder().setStage(InterviewStage.INTERVIEW_STAGE_FINAL_ROUND))
                .setFeedbackText("Strong culture fit. However, the candidate lacked technical depth in distributed systems.")
                .build());
        assertEquals(List.of(FeedbackTheme.FEEDBACK_THEME_TECHNICAL_DEPTH, FeedbackTheme.FEEDBACK_THEME_CULTURE_FIT),
                response.getThemesList().stream().map(t -> t.getTheme()).toList());
        assertEquals(Competency.COMPETENCY_TECHNICAL_DEPTH, response.getThemes(0).getCompetency());
        UserEvent event = parse(eventsFor("tenant-b/" + user, 1).get(0).value());
        assertEquals(response.getThemesList(), event.getEmployerFeedbackRecorded().getThemesList());
    }

    @Test
    void refusesCallsWithoutAValidToken() {
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class,
                () -> anonymous.submitSelfAssessment(assessment("u1", "r1")));
        assertEquals(Status.Code.UNAUTHENTICATED, missing.getStatus().getCode());

        DevTokens otherKey = DevTokens.inDirectory(keyDir.resolveSibling("other-keys"));
        StatusRuntimeException forged = assertThrows(StatusRuntimeException.class,
                () -> withAuthorization("Bearer " + otherKey.issue("tenant-a", Duration.ofMinutes(5)))
                        .submitSelfAssessment(assessment("u1", "r1")));
        assertEquals(Status.Code.UNAUTHENTICATED, forged.getStatus().getCode());

        String expired = DevTokens.inDirectory(keyDir).issue("tenant-a", Duration.ofMinutes(-5));
        StatusRuntimeException late = assertThrows(StatusRuntimeException.class,
                () -> withAuthorization("Bearer " + expired).submitSelfAssessment(assessment("u1", "r1")));
        assertEquals(Status.Code.UNAUTHENTICATED, late.getStatus().getCode());

        StatusRuntimeException garbage = assertThrows(StatusRuntimeException.class,
                () -> withAuthorization("Bearer not-a-jwt").submitSelfAssessment(assessment("u1", "r1")));
        assertEquals(Status.Code.UNAUTHENTICATED, garbage.getStatus().getCode());
    }

    @Test
    void namesTheFieldOfABadRequest() {
        assertInvalid("user_id", assessment("", "r1"));
        assertInvalid("request_id", assessment("u1", ""));
        assertInvalid("grades[1].competency", assessment("u1", "r1").toBuilder()
                .addGrades(CompetencyGrade.newBuilder().setCompetency(Competency.COMPETENCY_TECHNICAL_DEPTH).setGrade(Grade.GRADE_SOLID))
                .build());
        assertInvalid("grades", assessment("u1", "r1").toBuilder().clearGrades().build());
        StatusRuntimeException language = assertThrows(StatusRuntimeException.class, () -> as("t").composeReply(
                ComposeReplyRequest.newBuilder().setUserId("u1").setLanguage("xx").build()));
        assertTrue(language.getStatus().getDescription().startsWith("language:"), language.getStatus().getDescription());
        StatusRuntimeException zone = assertThrows(StatusRuntimeException.class, () -> as("t").composeReply(
                ComposeReplyRequest.newBuilder().setUserId("u1").setCandidateName("Ada").setTimeZone("Mars/Olympus").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, zone.getStatus().getCode());
        assertTrue(zone.getStatus().getDescription().startsWith("time_zone:"), zone.getStatus().getDescription());
    }

    @Test
    void planQueriesReportUnavailableWhileTheWorkerIsDown() {
        StatusRuntimeException down = assertThrows(StatusRuntimeException.class,
                () -> as("tenant-a").getImprovementPlan(GetImprovementPlanRequest.newBuilder().setUserId("u1").build()));
        assertEquals(Status.Code.UNAVAILABLE, down.getStatus().getCode());
    }

    void assertInvalid(String field, SubmitSelfAssessmentRequest request) {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> as("t").submitSelfAssessment(request));
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
        assertTrue(error.getStatus().getDescription().startsWith(field + ":"), error.getStatus().getDescription());
    }

    static SubmitSelfAssessmentRequest assessment(String user, String requestId) {
        return SubmitSelfAssessmentRequest.newBuilder()
                .setRequestId(requestId).setUserId(user)
                .setContext(InterviewContext.newBuilder().setCompany("Acme").setStage(InterviewStage.INTERVIEW_STAGE_INTERVIEW))
                .addGrades(CompetencyGrade.newBuilder().setCompetency(Competency.COMPETENCY_TECHNICAL_DEPTH).setGrade(Grade.GRADE_GAP))
                .build();
    }

    static UserEvent parse(byte[] bytes) {
        try {
            return UserEvent.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    /** Reads the user-events topic from the start until {@code count} records with the key arrive. */
    List<ConsumerRecord<String, byte[]>> eventsFor(String key, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.USER_EVENTS));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
            assertEquals(count, found.size(), "events with key " + key);
            return found;
        }
    }
}
