package dev.rebound.worker.domain;

import java.util.EnumMap;
import java.util.Map;

import com.google.protobuf.ByteString;

import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.PracticeAction;

/** One deliberate-practice action per competency: a specific goal, a feedback source, repetitions. */
final class PracticeCatalogue {

    /** Built once: every plan carries one, and a message built from bytes is written without re-encoding its text. */
    private static final Map<Competency, PracticeAction> ACTIONS = new EnumMap<>(Competency.class);

    static {
        for (Competency competency : Competency.values()) {
            if (competency != Competency.COMPETENCY_UNSPECIFIED && competency != Competency.UNRECOGNIZED) {
                ACTIONS.put(competency, describe(competency));
            }
        }
    }

    private PracticeCatalogue() {
    }

    static PracticeAction practiceFor(Competency competency) {
        PracticeAction action = ACTIONS.get(competency);
        if (action == null) {
            throw new IllegalArgumentException("no practice for " + competency);
        }
        return action;
    }

    private static PracticeAction describe(Competency competency) {
        return switch (competency) {
            case COMPETENCY_BEHAVIOURAL_EXAMPLES -> action(
                    "Write five stories in situation-task-action-result form, each with a measurable result, and tell each in under two minutes",
                    "a friend who asks one follow-up question per story", 5);
            case COMPETENCY_WEAKNESS_QUESTION -> action(
                    "Prepare an answer naming one real weakness, what you did about it and the evidence it improved",
                    "a recording of yourself, replayed the next day", 3);
            case COMPETENCY_TECHNICAL_DEPTH -> action(
                    "Pick the three topics the role leans on most and explain each from first principles, including a trade-off you would make",
                    "a mock interview with a practitioner in the field", 3);
            case COMPETENCY_PROBLEM_SOLVING -> action(
                    "Solve an unfamiliar problem out loud: clarify, state assumptions, outline, then solve, in 30 minutes",
                    "a mock interview partner who scores each step", 4);
            case COMPETENCY_COMMUNICATION_CLARITY -> action(
                    "Explain a past project to a non-specialist in three minutes, leading with the outcome",
                    "a recording, checked for jargon and filler words", 4);
            case COMPETENCY_ANSWER_STRUCTURE -> action(
                    "Answer ten common questions with a headline first and a 60–90 second body",
                    "a timer and a recording", 10);
            case COMPETENCY_COMPANY_RESEARCH -> action(
                    "Before each interview, write one page on the company's product, customers, competitors and recent news",
                    "a friend who quizzes you on it for five minutes", 3);
            case COMPETENCY_QUESTIONS_FOR_INTERVIEWER -> action(
                    "Prepare five questions about the team's work and challenges that the website does not answer",
                    "a mentor who rates each question's depth", 3);
            case COMPETENCY_MOTIVATION -> action(
                    "Write a 60-second answer linking your experience and goals to this role and this company",
                    "a friend who says whether it sounds specific to the company", 3);
            case COMPETENCY_CULTURE_FIT -> action(
                    "Match one of your stories to each of the company's stated values",
                    "a mock interview partner playing the hiring manager", 3);
            case COMPETENCY_SALARY_DISCUSSION -> action(
                    "Research the market range and rehearse stating your range with its reasons",
                    "a role-play partner who pushes back", 3);
            case COMPETENCY_CONFIDENCE_COMPOSURE -> action(
                    "Run full mock interviews under realistic conditions, pausing to breathe before each answer",
                    "a mock interview with someone you do not know well", 3);
            case COMPETENCY_UNSPECIFIED, UNRECOGNIZED -> throw new IllegalArgumentException("no practice for " + competency);
        };
    }

    private static PracticeAction action(String goal, String feedbackSource, int repetitions) {
        return PracticeAction.newBuilder().setGoalBytes(ByteString.copyFromUtf8(goal))
                .setFeedbackSourceBytes(ByteString.copyFromUtf8(feedbackSource)).setRepetitions(repetitions).build();
    }
}
