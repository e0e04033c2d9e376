package dev.rebound.reply.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.rebound.proto.v1.FeedbackTheme;

/**
 * Finds feedback themes in what an employer wrote ("lacked technical skills" → technical depth,
 * "answers were too short" → answer structure) and keeps the sentence that showed each one.
 */
public final class FeedbackThemeExtractor {

    /** A theme and the employer's sentence that showed it. */
    public record Found(FeedbackTheme theme, String evidence) {
    }

    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?]?");

    private static final Map<FeedbackTheme, Pattern> CUES = new LinkedHashMap<>();

    static {
        cue(FeedbackTheme.FEEDBACK_THEME_TECHNICAL_DEPTH,
                "technical (skills?|depth|knowledge|abilit|expertise|background)|coding|system design|algorithm|hands-on|deeper knowledge");
        cue(FeedbackTheme.FEEDBACK_THEME_ANSWER_STRUCTURE,
                "answers? (were|was|seemed) (a bit |quite |rather |too |very )*(short|long|brief|vague|rambling|unstructured)"
                        + "|too (short|long|brief|verbose|wordy)|structur|rambl|more concise|to the point");
        cue(FeedbackTheme.FEEDBACK_THEME_BEHAVIOURAL_EXAMPLES,
                "(concrete|specific|real|more) examples?|\\bstar\\b|behaviou?ral|past experiences? in detail");
        cue(FeedbackTheme.FEEDBACK_THEME_COMMUNICATION_CLARITY,
                "communicat|clarity|articulat|unclear|hard to follow|explain(ed|ing)? (your|the|clearly)");
        cue(FeedbackTheme.FEEDBACK_THEME_CULTURE_FIT, "cultur|values|team fit|way we work");
        cue(FeedbackTheme.FEEDBACK_THEME_EXPERIENCE_LEVEL,
                "(more|enough|sufficient|relevant|direct|years of|level of|prior|industry) experience|more experienced|more senior|seniority");
        cue(FeedbackTheme.FEEDBACK_THEME_ROLE_FIT,
                "(not|wasn't|was not|isn't) (quite )?(the right|a good|a strong|the best) (fit|match)|closer (fit|match)|better (fit|match|aligned)|(skills?|profile|background) (did not|didn't|does not) (match|align)");
        cue(FeedbackTheme.FEEDBACK_THEME_MOTIVATION, "motivat|enthusias|passion|why you (want|were interested)|interest in the role");
        cue(FeedbackTheme.FEEDBACK_THEME_COMPANY_RESEARCH,
                "research|knowledge of (our|the) (company|business|product)|know(n)? (much |enough )?about (us|our|the company)|understanding of (our|the) (company|business|product)");
        cue(FeedbackTheme.FEEDBACK_THEME_PROBLEM_SOLVING, "problem[- ]solving|approach(ed)? (the|a) problem|analytical|reasoning");
        cue(FeedbackTheme.FEEDBACK_THEME_CONFIDENCE_COMPOSURE, "confiden|nervous|composure|composed|anxious|hesitant");
        cue(FeedbackTheme.FEEDBACK_THEME_QUESTIONS_FOR_INTERVIEWER,
                "(didn't|did not|no|few|any) (ask )?(any )?questions (for|of|to) (us|the (interviewer|panel))|(didn't|did not) ask (any|many) questions");
    }

    private static void cue(FeedbackTheme theme, String regex) {
        CUES.put(theme, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    /** The themes in {@code text}, each once, in taxonomy order. */
    public List<Found> extract(String text) {
        List<String> sentences = SENTENCE.matcher(text).results()
                .map(m -> m.group().strip())
                .filter(s -> !s.isEmpty())
                .toList();
        List<Found> found = new ArrayList<>();
        CUES.forEach((theme, cue) -> sentences.stream()
                .filter(sentence -> cue.matcher(sentence).find())
                .findFirst()
                .ifPresent(sentence -> found.add(new Found(theme, sentence))));
        return found;
    }
}
