package dev.rebound.worker;

import java.time.Instant;

import com.google.protobuf.Timestamp;

import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.CompetencyGrade;
import dev.rebound.proto.v1.EmployerFeedbackRecorded;
import dev.rebound.proto.v1.FeedbackTheme;
import dev.rebound.proto.v1.Grade;
import dev.rebound.proto.v1.InterviewContext;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.SelfAssessmentSubmitted;
import dev.rebound.proto.v1.ThemeMatch;
import dev.rebound.proto.v1.UserDataErased;
import dev.rebound.proto.v1.UserEvent;

/** User events for worker tests. */
public final class Events {

    public static final Instant START = Instant.parse("2026-11-02T10:00:00Z");

    private Events() {
    }

    public static Timestamp at(int day) {
        return Timestamp.newBuilder().setSeconds(START.getEpochSecond() + day * 86_400L).build();
    }

    public static UserEvent assessment(String tenant, String user, String id, int day, Competency competency, Grade grade) {
        return UserEvent.newBuilder().setEventId(id).setTenant(tenant).setUserId(user).setOccurredAt(at(day))
                .setSelfAssessmentSubmitted(SelfAssessmentSubmitted.newBuilder()
                        .setContext(InterviewContext.newBuilder().setStage(InterviewStage.INTERVIEW_STAGE_INTERVIEW).setInterviewedAt(at(day)))
                        .addGrades(CompetencyGrade.newBuilder().setCompetency(competency).setGrade(grade)))
                .build();
    }

    public static UserEvent feedback(String tenant, String user, String id, int day, FeedbackTheme theme) {
        return UserEvent.newBuilder().setEventId(id).setTenant(tenant).setUserId(user).setOccurredAt(at(day))
                .setEmployerFeedbackRecorded(EmployerFeedbackRecorded.newBuilder()
                        .setContext(InterviewContext.newBuilder().setStage(InterviewStage.INTERVIEW_STAGE_FINAL_ROUND).setInterviewedAt(at(day)))
                        .setFeedbackText("words")
                        .addThemes(ThemeMatch.newBuilder().setTheme(theme).setEvidence("words")))
                .build();
    }

    public static UserEvent erasure(String tenant, String user, String id, int day) {
        return UserEvent.newBuilder().setEventId(id).setTenant(tenant).setUserId(user).setOccurredAt(at(day))
                .setUserDataErased(UserDataErased.getDefaultInstance())
                .build();
    }
}
