package dev.rebound.reply.grpc;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;

import dev.rebound.contract.UserKey;
import dev.rebound.proto.v1.ChannelRecommendation;
import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.CompetencyGrade;
import dev.rebound.proto.v1.ComposeReplyRequest;
import dev.rebound.proto.v1.ComposeReplyResponse;
import dev.rebound.proto.v1.FollowUpStep;
import dev.rebound.proto.v1.Grade;
import dev.rebound.proto.v1.InterviewContext;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.Outcome;
import dev.rebound.proto.v1.ReviewDraftRequest;
import dev.rebound.proto.v1.ReviewDraftResponse;
import dev.rebound.proto.v1.RoleFamily;
import dev.rebound.proto.v1.Seniority;
import dev.rebound.proto.v1.SendTiming;
import dev.rebound.proto.v1.SendWindow;
import dev.rebound.proto.v1.Tone;
import dev.rebound.reply.domain.ComposedReply;
import dev.rebound.reply.domain.ReplyComposer;
import dev.rebound.reply.domain.ReplyRequest;
import dev.rebound.reply.domain.analysis.RejectionAnalysis;
import dev.rebound.reply.domain.review.DraftReview;
import dev.rebound.reply.domain.review.DraftReviewRequest;

/**
 * The one place where API messages are checked and mapped to and from the domain. Every rule the
 * proto comments state is enforced here, with the offending field named.
 */
final class RequestMapping {

    static final int MAX_REQUEST_ID = 128;
    static final int MAX_NAME = 100;
    static final int MAX_SHORT_TEXT = 200;
    static final int MAX_HIGHLIGHTS = 3;
    static final int MAX_NOTE = 2_000;
    static final int MAX_FEEDBACK = 10_000;
    static final int MAX_EMAIL = 50_000;
    static final int MAX_DRAFT = 20_000;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Clock clock;

    RequestMapping(Clock clock) {
        this.clock = clock;
    }

    String userId(String userId) {
        if (!UserKey.isValidId(userId)) {
            throw new InvalidRequestException("user_id", "required, 1–128 of A–Z a–z 0–9 . _ @ -");
        }
        return userId;
    }

    String requestId(String requestId) {
        if (requestId.isEmpty() || requestId.length() > MAX_REQUEST_ID || requestId.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("request_id", "required, 1–128 printable characters");
        }
        return requestId;
    }

    ReplyRequest replyRequest(ComposeReplyRequest request) {
        if (!request.getRequestId().isEmpty()) {
            requestId(request.getRequestId());
        }
        userId(request.getUserId());
        if (request.getRejectionEmail().length() > MAX_EMAIL) {
            throw new InvalidRequestException("rejection_email", "at most " + MAX_EMAIL + " characters");
        }
        if (request.getInterviewHighlightsCount() > MAX_HIGHLIGHTS) {
            throw new InvalidRequestException("interview_highlights", "at most " + MAX_HIGHLIGHTS + " items");
        }
        List<String> highlights = request.getInterviewHighlightsList().stream()
                .map(h -> text("interview_highlights", h, MAX_SHORT_TEXT))
                .flatMap(Optional::stream)
                .toList();
        Instant now = clock.instant();
        Instant receivedAt = request.hasReceivedAt() ? instant("received_at", request.getReceivedAt()) : now;
        if (receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidRequestException("received_at", "lies in the future");
        }
        return new ReplyRequest(
                text("candidate_name", request.getCandidateName(), MAX_NAME),
                text("company", request.getCompany(), MAX_SHORT_TEXT),
                text("contact_name", request.getContactName(), MAX_NAME),
                text("role", request.getRole(), MAX_SHORT_TEXT),
                known("stage", request.getStage(), InterviewStage.UNRECOGNIZED),
                highlights,
                !request.hasStillInterested() || request.getStillInterested(),
                !request.getSkipFeedbackRequest(),
                request.getEmployerDeclinedFeedback(),
                false,
                text("resource_offer", request.getResourceOffer(), MAX_SHORT_TEXT),
                known("tone", request.getTone(), Tone.UNRECOGNIZED),
                language(request.getLanguage()),
                receivedAt,
                zone(request.getTimeZone()),
                request.getVariant());
    }

    DraftReviewRequest draftReviewRequest(ReviewDraftRequest request, boolean emailDeclinedFeedback) {
        String draft = request.getDraft();
        if (draft.isBlank()) {
            throw new InvalidRequestException("draft", "required: the reply to review");
        }
        if (draft.length() > MAX_DRAFT) {
            throw new InvalidRequestException("draft", "at most " + MAX_DRAFT + " characters");
        }
        if (request.getRejectionEmail().length() > MAX_EMAIL) {
            throw new InvalidRequestException("rejection_email", "at most " + MAX_EMAIL + " characters");
        }
        Optional<Instant> receivedAt = request.hasReceivedAt()
                ? Optional.of(instant("received_at", request.getReceivedAt())) : Optional.empty();
        Instant plannedSendAt = request.hasPlannedSendAt() ? instant("planned_send_at", request.getPlannedSendAt()) : clock.instant();
        return new DraftReviewRequest(draft, language(request.getLanguage()),
                request.getEmployerDeclinedFeedback() || emailDeclinedFeedback, receivedAt, plannedSendAt);
    }

    static ReviewDraftResponse toProto(DraftReview review) {
        ReviewDraftResponse.Builder response = ReviewDraftResponse.newBuilder()
                .setPolitenessScore(review.politeness())
                .setVerdict(review.verdict())
                .addAllVerdictReasons(review.verdictReasons())
                .setWordCount(review.wordCount())
                .setLanguage(review.language());
        review.findings().forEach(finding -> response.addFindingsBuilder()
                .setCategory(finding.category())
                .setSeverity(finding.severity())
                .setStart(finding.start())
                .setEnd(finding.end())
                .setExcerpt(finding.excerpt())
                .setExplanation(finding.explanation())
                .setSuggestedRewrite(finding.suggestedRewrite()));
        review.missingPractices().forEach((practice, advice) -> response.addMissingPracticesBuilder()
                .setPractice(practice)
                .setAdvice(advice));
        return response.build();
    }

    private static Optional<String> language(String requested) {
        String language = requested.strip().toLowerCase(Locale.ROOT);
        if (!language.isEmpty() && !ReplyComposer.LANGUAGES.contains(language)) {
            throw new InvalidRequestException("language", "supported: " + String.join(", ", ReplyComposer.LANGUAGES) + "; got " + requested);
        }
        return language.isEmpty() ? Optional.empty() : Optional.of(language);
    }

    InterviewContext context(String field, InterviewContext context) {
        known(field + ".role_family", context.getRoleFamily(), RoleFamily.UNRECOGNIZED);
        known(field + ".seniority", context.getSeniority(), Seniority.UNRECOGNIZED);
        known(field + ".stage", context.getStage(), InterviewStage.UNRECOGNIZED);
        known(field + ".outcome", context.getOutcome(), Outcome.UNRECOGNIZED);
        InterviewContext.Builder normalised = context.toBuilder()
                .setCompany(text(field + ".company", context.getCompany(), MAX_SHORT_TEXT).orElse(""));
        if (context.hasInterviewedAt()) {
            Instant at = instant(field + ".interviewed_at", context.getInterviewedAt());
            if (at.isAfter(clock.instant().plus(Duration.ofDays(1)))) {
                throw new InvalidRequestException(field + ".interviewed_at", "lies in the future");
            }
        } else {
            normalised.setInterviewedAt(timestamp(clock.instant()));
        }
        return normalised.build();
    }

    List<CompetencyGrade> grades(List<CompetencyGrade> grades) {
        if (grades.isEmpty()) {
            throw new InvalidRequestException("grades", "at least one competency grade is required");
        }
        Set<Competency> seen = EnumSet.noneOf(Competency.class);
        for (int i = 0; i < grades.size(); i++) {
            CompetencyGrade grade = grades.get(i);
            String field = "grades[" + i + "]";
            Competency competency = known(field + ".competency", grade.getCompetency(), Competency.UNRECOGNIZED);
            if (competency == Competency.COMPETENCY_UNSPECIFIED) {
                throw new InvalidRequestException(field + ".competency", "required");
            }
            if (!seen.add(competency)) {
                throw new InvalidRequestException(field + ".competency", competency + " appears more than once");
            }
            if (known(field + ".grade", grade.getGrade(), Grade.UNRECOGNIZED) == Grade.GRADE_UNSPECIFIED) {
                throw new InvalidRequestException(field + ".grade", "required: GRADE_STRONG, GRADE_SOLID or GRADE_GAP");
            }
            if (grade.getNote().length() > MAX_NOTE) {
                throw new InvalidRequestException(field + ".note", "at most " + MAX_NOTE + " characters");
            }
        }
        return grades;
    }

    /** The employer's words, or empty when the employer gave none. */
    Optional<String> feedbackText(String text, boolean noFeedbackGiven) {
        Optional<String> feedback = text("feedback_text", text, MAX_FEEDBACK);
        if (noFeedbackGiven && feedback.isPresent()) {
            throw new InvalidRequestException("feedback_text", "must be empty when no_feedback_given is true");
        }
        if (!noFeedbackGiven && feedback.isEmpty()) {
            throw new InvalidRequestException("feedback_text", "required unless no_feedback_given is true");
        }
        return feedback;
    }

    static ComposeReplyResponse toProto(ComposedReply reply) {
        RejectionAnalysis analysis = reply.analysis();
        ComposeReplyResponse.Builder response = ComposeReplyResponse.newBuilder()
                .setLanguage(reply.language())
                .setLinkedinMessage(reply.linkedinMessage())
                .setRecommendation(ChannelRecommendation.newBuilder()
                        .setChannel(reply.recommendation().channel())
                        .setReason(reply.recommendation().reason()))
                .setAnalysis(dev.rebound.proto.v1.RejectionAnalysis.newBuilder()
                        .setStage(analysis.stage())
                        .setAutomated(analysis.automated())
                        .setFeedbackPolicy(analysis.feedbackPolicy())
                        .setKeepOnFile(analysis.keepOnFile())
                        .setReason(analysis.reason())
                        .setReasonText(analysis.reasonText().orElse(""))
                        .setCompany(analysis.company().orElse(""))
                        .setSenderName(analysis.senderName().orElse(""))
                        .setSenderTitle(analysis.senderTitle().orElse(""))
                        .setCandidateName(analysis.candidateName().orElse(""))
                        .setRole(analysis.role().orElse(""))
                        .setLanguage(analysis.language().orElse("")))
                .setSubject(reply.subject())
                .setBody(reply.body())
                .setWordCount(reply.wordCount())
                .setSendWindow(SendWindow.newBuilder()
                        .setEarliest(timestamp(reply.sendWindow().earliest()))
                        .setLatest(timestamp(reply.sendWindow().latest()))
                        .setAdvice(reply.sendWindow().advice())
                        .setTiming(switch (reply.sendWindow().timing()) {
                            case COOLING_DOWN -> SendTiming.SEND_TIMING_COOLING_DOWN;
                            case OPEN -> SendTiming.SEND_TIMING_OPEN;
                            case LATE -> SendTiming.SEND_TIMING_LATE;
                        }))
                .setLinkedinNote(reply.linkedinNote())
                .addAllNextSteps(reply.nextSteps());
        reply.sections().forEach(section -> response.addSectionsBuilder()
                .setPractice(section.practice())
                .setText(section.text()));
        reply.followUpPlan().forEach(step -> response.addFollowUpPlan(FollowUpStep.newBuilder()
                .setAfter(com.google.protobuf.Duration.newBuilder().setSeconds(step.after().toSeconds()))
                .setAction(step.action())));
        return response.build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** Trimmed text with runs of white space folded to one space; empty when blank. */
    private static Optional<String> text(String field, String value, int maxLength) {
        String folded = value.strip().replaceAll("\\s+", " ");
        if (folded.codePointCount(0, folded.length()) > maxLength) {
            throw new InvalidRequestException(field, "at most " + maxLength + " characters");
        }
        if (folded.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new InvalidRequestException(field, "contains control characters");
        }
        return folded.isEmpty() ? Optional.empty() : Optional.of(folded);
    }

    private static <E extends Enum<E> & ProtocolMessageEnum> E known(String field, E value, E unrecognized) {
        if (value == unrecognized) {
            throw new InvalidRequestException(field, "unknown enum value");
        }
        return value;
    }

    private static Instant instant(String field, Timestamp timestamp) {
        try {
            return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
        } catch (DateTimeException e) {
            throw new InvalidRequestException(field, "not a valid timestamp");
        }
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new InvalidRequestException("time_zone", "not an IANA time zone such as Europe/Berlin: " + timeZone);
        }
    }
}
