package dev.rebound.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rebound.proto.v1.FeedbackTheme;

class FeedbackThemeExtractorTest {

    final FeedbackThemeExtractor extractor = new FeedbackThemeExtractor();

    List<FeedbackTheme> themes(String text) {
        return extractor.extract(text).stream().map(FeedbackThemeExtractor.Found::theme).toList();
    }

    @Test
    void mapsCommonEmployerPhrasesToThemes() {
        assertEquals(List.of(FeedbackTheme.FEEDBACK_THEME_TECHNICAL_DEPTH), themes("The candidate lacked technical skills."));
        assertEquals(List.of(FeedbackTheme.FEEDBACK_THEME_ANSWER_STRUCTURE), themes("Your answers were too short."));
        assertEquals(List.of(FeedbackTheme.FEEDBACK_THEME_EXPERIENCE_LEVEL),
                themes("We went with someone with more experience in fintech."));
        assertEquals(List.of(FeedbackTheme.FEEDBACK_THEME_BEHAVIOURAL_EXAMPLES, FeedbackTheme.FEEDBACK_THEME_COMPANY_RESEARCH),
                themes("We wanted more concrete examples. It seemed you had not done much research on our product."));
    }

    @Test
    void keepsTheEmployersSentenceAsEvidence() {
        FeedbackThemeExtractor.Found found = extractor.extract("Thanks for coming in! Communication was hard to follow at times. Good luck.").get(0);
        assertEquals(FeedbackTheme.FEEDBACK_THEME_COMMUNICATION_CLARITY, found.theme());
        assertEquals("Communication was hard to follow at times.", found.evidence());
    }

    @Test
    void findsNothingInFeedbackWithoutThemes() {
        assertEquals(List.of(), themes("Thank you for your time. We wish you the best."));
        assertEquals(List.of(), themes(""));
    }
}
