package dev.rebound.reply.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.rebound.reply.domain.ReplyComposer;
import dev.rebound.reply.domain.review.ReviewRules;
import dev.rebound.reply.tools.CandidateReplies;

class PatternScanTest {

    private static final int RULE_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** What the scan must equal: each pattern's non-empty matches by repeated find(), pattern by pattern. */
    private static List<PatternScan.Match> findOneByOne(List<Pattern> patterns, String text) {
        List<PatternScan.Match> matches = new ArrayList<>();
        for (int p = 0; p < patterns.size(); p++) {
            Matcher matcher = patterns.get(p).matcher(text);
            while (matcher.find()) {
                if (matcher.end() > matcher.start()) {
                    matches.add(new PatternScan.Match(p, matcher.start(), matcher.end()));
                }
            }
        }
        return matches;
    }

    private static List<Pattern> compiled(int flags, String... regexes) {
        return List.of(regexes).stream().map(regex -> Pattern.compile(regex, flags)).toList();
    }

    @Test
    void findsWhatFindFindsForEveryReviewRuleOnEveryLabelledReply() throws IOException {
        for (String language : ReplyComposer.LANGUAGES) {
            ReviewRules rules = ReviewRules.forLanguage(language);
            List<Pattern> patterns = rules.categories().values().stream().flatMap(category -> category.patterns().stream()).toList();
            int compared = 0;
            int matched = 0;
            for (CandidateReplies.Reply reply : CandidateReplies.read(CandidateReplies.file(language))) {
                List<PatternScan.Match> expected = findOneByOne(patterns, reply.text());
                assertEquals(expected, rules.findingPatterns().matches(reply.text()), language + ": " + reply.text());
                compared++;
                matched += expected.isEmpty() ? 0 : 1;
            }
            assertTrue(compared > 250 && matched > 100, language + ": " + matched + " of " + compared + " replies matched a rule");
        }
    }

    @Test
    void takesTheAlternativeFindTakesWhereSeveralMatchAtOnePosition() {
        List<Pattern> patterns = compiled(Pattern.CASE_INSENSITIVE, "\\b(a|ab)c", "\\b(?:the )?(ab|abc)", "b(c|cd)?d");
        String text = "ABC abcd the abc xbcd";
        assertEquals(findOneByOne(patterns, text), new PatternScan(patterns).matches(text));
        assertEquals(List.of(new PatternScan.Match(0, 0, 3), new PatternScan.Match(0, 4, 7), new PatternScan.Match(0, 13, 16), new PatternScan.Match(1, 0, 2), new PatternScan.Match(1, 4, 6),
                new PatternScan.Match(1, 9, 15), new PatternScan.Match(2, 5, 8), new PatternScan.Match(2, 18, 21)),
                new PatternScan(patterns).matches(text), "\"ABC\" takes ab after a fails, \"the abc\" takes ab before abc");
    }

    @Test
    void resumesEachPatternAfterItsLastMatchAndSkipsEmptyOnes() {
        List<Pattern> patterns = compiled(0, "aa", "x*", "a(?=b)|ab");
        String text = "aaaab xx aab";
        List<PatternScan.Match> scanned = new PatternScan(patterns).matches(text);
        assertEquals(findOneByOne(patterns, text), scanned);
        assertEquals(List.of(new PatternScan.Match(0, 0, 2), new PatternScan.Match(0, 2, 4), new PatternScan.Match(0, 9, 11),
                new PatternScan.Match(1, 6, 8), new PatternScan.Match(2, 3, 4), new PatternScan.Match(2, 10, 11)), scanned);
    }

    @Test
    void honoursCaseFoldingWordBoundariesAndLookbehindsAroundEachPosition() {
        List<Pattern> patterns = compiled(RULE_FLAGS, "\\bidiot", "(?<!not )\\bbad\\b", "ärger", "\\bİN\\b");
        String text = "IDIOTS and semi-idiots, not bad, BAD, Verärgert, ÄRGER, in";
        assertEquals(findOneByOne(patterns, text), new PatternScan(patterns).matches(text));
        assertEquals(List.of(new PatternScan.Match(0, 0, 5), new PatternScan.Match(0, 16, 21), new PatternScan.Match(1, 33, 36),
                new PatternScan.Match(2, 41, 46), new PatternScan.Match(2, 49, 54), new PatternScan.Match(3, 56, 58)),
                new PatternScan(patterns).matches(text), "dotless and dotted i fold together, as UNICODE_CASE matches them");
    }

    @Test
    void saysWhetherAnyPatternOccurs() {
        PatternScan scan = new PatternScan(compiled(Pattern.CASE_INSENSITIVE, "\\bfinal (round|stage)\\b", "\\bonsite\\b"));
        assertTrue(scan.foundIn("after the Final Stage we decided"));
        assertFalse(scan.foundIn("the finalists and the onsites"));
    }

    @Test
    void saysWhichPatternsOccur() {
        PatternScan scan = new PatternScan(compiled(RULE_FLAGS, "\\bthanks?\\b", "\\bsorry\\b", "\\b(could|would) you\\b"));
        assertEquals(BitSet.valueOf(new long[] {0b101}), scan.occurring("Thanks! Could you tell me more? Thank you."));
        assertEquals(new BitSet(), scan.occurring("no strategy here"));
    }
}
