package dev.rebound.reply.grpc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.rebound.contract.Taxonomy;
import dev.rebound.proto.internal.v1.GetPlanRequest;
import dev.rebound.proto.internal.v1.GetPlanResponse;
import dev.rebound.proto.internal.v1.PlanQueryServiceGrpc;
import dev.rebound.proto.v1.ComposeReplyRequest;
import dev.rebound.proto.v1.ComposeReplyResponse;
import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.EmployerFeedbackRecorded;
import dev.rebound.proto.v1.EraseUserDataRequest;
import dev.rebound.proto.v1.FeedbackPolicy;
import dev.rebound.proto.v1.EraseUserDataResponse;
import dev.rebound.proto.v1.GetImprovementPlanRequest;
import dev.rebound.proto.v1.GetImprovementPlanResponse;
import dev.rebound.proto.v1.RecordEmployerFeedbackRequest;
import dev.rebound.proto.v1.RecordEmployerFeedbackResponse;
import dev.rebound.proto.v1.ReplyComposed;
import dev.rebound.proto.v1.ReplyServiceGrpc;
import dev.rebound.proto.v1.ReviewDraftRequest;
import dev.rebound.proto.v1.ReviewDraftResponse;
import dev.rebound.proto.v1.SelfAssessmentSubmitted;
import dev.rebound.proto.v1.SubmitSelfAssessmentRequest;
import dev.rebound.proto.v1.SubmitSelfAssessmentResponse;
import dev.rebound.proto.v1.ThemeMatch;
import dev.rebound.proto.v1.UserDataErased;
import dev.rebound.proto.v1.UserEvent;
import dev.rebound.reply.domain.ComposedReply;
import dev.rebound.reply.domain.FeedbackThemeExtractor;
import dev.rebound.reply.domain.ReplyComposer;
import dev.rebound.reply.domain.ReplyRequest;
import dev.rebound.reply.domain.ReplySection;
import dev.rebound.reply.domain.analysis.RejectionAnalysis;
import dev.rebound.reply.domain.analysis.RejectionEmailAnalyzer;
import dev.rebound.reply.domain.review.DraftReview;
import dev.rebound.reply.domain.review.DraftReviewer;
import dev.rebound.reply.kafka.UserEventPublisher;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcService;

/**
 * The public API. Handlers stay on the event loop: the domain work is CPU-only and every wait (a
 * Kafka acknowledgement, the worker's answer) completes the call from a callback.
 */
@GrpcService
public class ReplyGrpcService extends ReplyServiceGrpc.ReplyServiceImplBase {

    private final ReplyComposer composer;
    private final RejectionEmailAnalyzer analyzer;
    private final DraftReviewer reviewer;
    private final FeedbackThemeExtractor themeExtractor;
    private final UserEventPublisher publisher;
    private final PlanQueryServiceGrpc.PlanQueryServiceStub planQueries;
    private final long planQueryTimeoutMs;
    private final Clock clock;
    private final RequestMapping mapping;

    ReplyGrpcService(ReplyComposer composer, RejectionEmailAnalyzer analyzer, DraftReviewer reviewer,
            FeedbackThemeExtractor themeExtractor, UserEventPublisher publisher,
            @GrpcClient("plan-query") Channel planQueryChannel,
            @ConfigProperty(name = "rebound.plan-query.timeout", defaultValue = "2s") java.time.Duration planQueryTimeout,
            Clock clock) {
        this.composer = composer;
        this.analyzer = analyzer;
        this.reviewer = reviewer;
        this.themeExtractor = themeExtractor;
        this.publisher = publisher;
        this.planQueries = PlanQueryServiceGrpc.newStub(planQueryChannel);
        this.planQueryTimeoutMs = planQueryTimeout.toMillis();
        this.clock = clock;
        this.mapping = new RequestMapping(clock);
    }

    @Override
    public void composeReply(ComposeReplyRequest request, StreamObserver<ComposeReplyResponse> observer) {
        CallOutcomes.guard(observer, () -> {
            ReplyRequest reply = mapping.replyRequest(request);
            RejectionAnalysis analysis = request.getRejectionEmail().isBlank()
                    ? RejectionAnalysis.none()
                    : analyzer.analyze(request.getRejectionEmail());
            ComposedReply composed = composer.compose(reply, analysis);
            String requestId = request.getRequestId().isEmpty() ? UUID.randomUUID().toString() : request.getRequestId();
            UserEvent event = event(requestId, request.getUserId()).setReplyComposed(ReplyComposed.newBuilder()
                    .setStage(composed.analysis().stage())
                    .setTone(reply.tone())
                    .setChannel(composed.recommendation().channel())
                    .setLanguage(composed.language())
                    .setEmailAnalysed(!request.getRejectionEmail().isBlank())
                    .addAllPractices(composed.sections().stream().map(ReplySection::practice).toList())
                    .setWordCount(composed.wordCount())).build();
            CallOutcomes.whenAcknowledged(publisher.publish(event), observer, () -> RequestMapping.toProto(composed));
        });
    }

    @Override
    public void reviewDraft(ReviewDraftRequest request, StreamObserver<ReviewDraftResponse> observer) {
        CallOutcomes.guard(observer, () -> {
            boolean emailDeclined = !request.getRejectionEmail().isBlank()
                    && analyzer.feedbackPolicy(request.getRejectionEmail()) == FeedbackPolicy.FEEDBACK_POLICY_DECLINED;
            DraftReview review = reviewer.review(mapping.draftReviewRequest(request, emailDeclined));
            observer.onNext(RequestMapping.toProto(review));
            observer.onCompleted();
        });
    }

    @Override
    public void submitSelfAssessment(SubmitSelfAssessmentRequest request, StreamObserver<SubmitSelfAssessmentResponse> observer) {
        CallOutcomes.guard(observer, () -> {
            UserEvent.Builder event = event(mapping.requestId(request.getRequestId()), mapping.userId(request.getUserId()));
            event.setSelfAssessmentSubmitted(SelfAssessmentSubmitted.newBuilder()
                    .setContext(mapping.context("context", request.getContext()))
                    .addAllGrades(mapping.grades(request.getGradesList())));
            UserEvent built = event.build();
            CallOutcomes.whenAcknowledged(publisher.publish(built), observer,
                    () -> SubmitSelfAssessmentResponse.newBuilder().setRecordedAt(built.getOccurredAt()).build());
        });
    }

    @Override
    public void recordEmployerFeedback(RecordEmployerFeedbackRequest request, StreamObserver<RecordEmployerFeedbackResponse> observer) {
        CallOutcomes.guard(observer, () -> {
            UserEvent.Builder event = event(mapping.requestId(request.getRequestId()), mapping.userId(request.getUserId()));
            String text = mapping.feedbackText(request.getFeedbackText(), request.getNoFeedbackGiven()).orElse("");
            List<ThemeMatch> themes = themeExtractor.extract(text).stream()
                    .map(found -> ThemeMatch.newBuilder()
                            .setTheme(found.theme())
                            .setEvidence(found.evidence())
                            .setCompetency(Taxonomy.competencyOf(found.theme()).orElse(Competency.COMPETENCY_UNSPECIFIED))
                            .build())
                    .toList();
            event.setEmployerFeedbackRecorded(EmployerFeedbackRecorded.newBuilder()
                    .setContext(mapping.context("context", request.getContext()))
                    .setFeedbackText(text)
                    .setNoFeedbackGiven(request.getNoFeedbackGiven())
                    .addAllThemes(themes));
            UserEvent built = event.build();
            CallOutcomes.whenAcknowledged(publisher.publish(built), observer,
                    () -> RecordEmployerFeedbackResponse.newBuilder()
                            .setRecordedAt(built.getOccurredAt())
                            .addAllThemes(themes)
                            .build());
        });
    }

    @Override
    public void eraseUserData(EraseUserDataRequest request, StreamObserver<EraseUserDataResponse> observer) {
        CallOutcomes.guard(observer, () -> {
            UserEvent built = event(mapping.requestId(request.getRequestId()), mapping.userId(request.getUserId()))
                    .setUserDataErased(UserDataErased.getDefaultInstance())
                    .build();
            CallOutcomes.whenAcknowledged(publisher.publish(built), observer,
                    () -> EraseUserDataResponse.newBuilder().setErasedAt(built.getOccurredAt()).build());
        });
    }

    @Override
    public void getImprovementPlan(GetImprovementPlanRequest request, StreamObserver<GetImprovementPlanResponse> observer) {
        CallOutcomes.guard(observer, () -> {
            GetPlanRequest query = GetPlanRequest.newBuilder()
                    .setTenant(TenantAuthInterceptor.currentTenant())
                    .setUserId(mapping.userId(request.getUserId()))
                    .build();
            planQueries.withDeadlineAfter(planQueryTimeoutMs, TimeUnit.MILLISECONDS).getPlan(query, new StreamObserver<>() {
                @Override
                public void onNext(GetPlanResponse answer) {
                    observer.onNext(GetImprovementPlanResponse.newBuilder().setPlan(answer.getPlan()).build());
                }

                @Override
                public void onError(Throwable error) {
                    observer.onError(planQueryFailure(error, request.getUserId()).asRuntimeException());
                }

                @Override
                public void onCompleted() {
                    observer.onCompleted();
                }
            });
        });
    }

    private static Status planQueryFailure(Throwable error, String userId) {
        Status status = error instanceof StatusRuntimeException e ? e.getStatus() : Status.fromThrowable(error);
        return switch (status.getCode()) {
            case NOT_FOUND -> Status.NOT_FOUND.withDescription("no improvement plan for user " + userId
                    + " (no self-assessment or feedback recorded yet, or the user was erased)");
            case INVALID_ARGUMENT -> status;
            default -> Status.UNAVAILABLE.withDescription("the analytics worker could not answer in time; retry shortly");
        };
    }

    private UserEvent.Builder event(String requestId, String userId) {
        Instant now = clock.instant();
        return UserEvent.newBuilder()
                .setEventId(requestId)
                .setTenant(TenantAuthInterceptor.currentTenant())
                .setUserId(userId)
                .setOccurredAt(RequestMapping.timestamp(now));
    }
}
