package dev.rebound.contract;

import java.util.Optional;

import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.FeedbackTheme;

/** How the taxonomies of {@code taxonomy.proto} relate to each other. */
public final class Taxonomy {

    private Taxonomy() {
    }

    /** A competency as a reader would name it, e.g. "the weakness question". */
    public static String label(Competency competency) {
        return switch (competency) {
            case COMPETENCY_BEHAVIOURAL_EXAMPLES -> "behavioural examples";
            case COMPETENCY_WEAKNESS_QUESTION -> "the weakness question";
            case COMPETENCY_TECHNICAL_DEPTH -> "technical depth";
            case COMPETENCY_PROBLEM_SOLVING -> "problem solving";
            case COMPETENCY_COMMUNICATION_CLARITY -> "communication clarity";
            case COMPETENCY_ANSWER_STRUCTURE -> "answer length and structure";
            case COMPETENCY_COMPANY_RESEARCH -> "company research";
            case COMPETENCY_QUESTIONS_FOR_INTERVIEWER -> "questions for the interviewer";
            case COMPETENCY_MOTIVATION -> "motivation";
            case COMPETENCY_CULTURE_FIT -> "culture and values fit";
            case COMPETENCY_SALARY_DISCUSSION -> "salary discussion";
            case COMPETENCY_CONFIDENCE_COMPOSURE -> "confidence and composure";
            case COMPETENCY_UNSPECIFIED, UNRECOGNIZED -> "unspecified competency";
        };
    }

    /**
     * The competency an employer-feedback theme speaks to; empty for themes an interview cannot
     * change (experience level, role fit).
     */
    public static Optional<Competency> competencyOf(FeedbackTheme theme) {
        return Optional.ofNullable(switch (theme) {
            case FEEDBACK_THEME_TECHNICAL_DEPTH -> Competency.COMPETENCY_TECHNICAL_DEPTH;
            case FEEDBACK_THEME_ANSWER_STRUCTURE -> Competency.COMPETENCY_ANSWER_STRUCTURE;
            case FEEDBACK_THEME_BEHAVIOURAL_EXAMPLES -> Competency.COMPETENCY_BEHAVIOURAL_EXAMPLES;
            case FEEDBACK_THEME_COMMUNICATION_CLARITY -> Competency.COMPETENCY_COMMUNICATION_CLARITY;
            case FEEDBACK_THEME_CULTURE_FIT -> Competency.COMPETENCY_CULTURE_FIT;
            case FEEDBACK_THEME_MOTIVATION -> Competency.COMPETENCY_MOTIVATION;
            case FEEDBACK_THEME_COMPANY_RESEARCH -> Competency.COMPETENCY_COMPANY_RESEARCH;
            case FEEDBACK_THEME_PROBLEM_SOLVING -> Competency.COMPETENCY_PROBLEM_SOLVING;
            case FEEDBACK_THEME_CONFIDENCE_COMPOSURE -> Competency.COMPETENCY_CONFIDENCE_COMPOSURE;
            case FEEDBACK_THEME_QUESTIONS_FOR_INTERVIEWER -> Competency.COMPETENCY_QUESTIONS_FOR_INTERVIEWER;
            case FEEDBACK_THEME_EXPERIENCE_LEVEL, FEEDBACK_THEME_ROLE_FIT,
                    FEEDBACK_THEME_UNSPECIFIED, UNRECOGNIZED -> null;
        });
    }
}
