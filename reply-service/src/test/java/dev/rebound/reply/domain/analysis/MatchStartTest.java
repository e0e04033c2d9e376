package dev.rebound.reply.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class MatchStartTest {

    private static Optional<Set<Character>> letters(String chars) {
        Set<Character> set = new TreeSet<>();
        for (char c : chars.toCharArray()) {
            set.add(Character.toLowerCase(c));
            set.add(Character.toUpperCase(c));
        }
        return Optional.of(set);
    }

    @Test
    void readsTheFirstLetterOfEachAlternative() {
        assertEquals(letters("dfl"), MatchStart.of("\\bfinal[- ]round|\\blast round|\\bdernier (entretien|tour)"));
    }

    @Test
    void looksPastOptionalPartsAndZeroWidthOnes() {
        assertEquals(letters("the"), MatchStart.of("(?=\\p{L})\\b(the )?(hire|end)"));
        assertEquals(letters("tax"), MatchStart.of("(?:the |an? ){0,2}x"));
        assertEquals(letters("ab"), MatchStart.of("(?-i:[A-B])"));
        assertEquals(letters(".b"), MatchStart.of("\\.a|b"), "an escaped dot, then a");
    }

    @Test
    void saysNothingWhenAMatchMayStartWithAnything() {
        assertEquals(Optional.empty(), MatchStart.of("[^.]{0,40}x"));
        assertEquals(Optional.empty(), MatchStart.of("(?:[\\w-]+ ){0,3}x|more"));
        assertEquals(Optional.empty(), MatchStart.of("\\w+ing|go"));
        assertEquals(Optional.empty(), MatchStart.of("(a)?"), "a match may be empty");
        assertEquals(Optional.empty(), MatchStart.of(".*x"));
    }

    @Test
    void spreadsTheGroupThatLeadsAnAlternativeIntoAlternativesOfItsOwn() {
        assertEquals(List.of("\\bidiots?\\b", "\\bstupid\\b", "\\bthe lot\\b", "\\bworst (company|process)"),
                MatchStart.alternatives("\\b(idiots?|stupid|(?:the )lot)\\b|\\bworst (company|process)"));
        assertEquals(List.of("(a|b)+c", "(?=x)b", "(?=x)c", "(?i:d|e)"), MatchStart.alternatives("(a|b)+c|(?=x)(b|c)|(?i:d|e)"),
                "a quantified group, a lookahead ahead and a flag group");
        assertEquals(List.of("\\bpersonal ?feedback", "\\bspecific ?feedback", "\\b ?feedback", "(a)??b", "(a)?+b"),
                MatchStart.alternatives("\\b(personal|specific)? ?feedback|(a)??b|(a)?+b"), "a greedy optional group, then a lazy and a possessive one");
    }

    @Test
    void readsTheLiteralCharactersEveryMatchStartsWith() {
        assertEquals("i hope ", MatchStart.literalPrefix("\\bi hope (that )?"));
        assertEquals("colo", MatchStart.literalPrefix("colou?r"));
        assertEquals("", MatchStart.literalPrefix("(the )?end"));
        assertEquals("a.b", MatchStart.literalPrefix("(?<!x)a\\.b[cd]"));
    }

    @Test
    void knowsWhenAMatchMustStartAtAWordBoundary() {
        assertTrue(MatchStart.startsAtWordBoundary("(?=[ab])\\b(?:a|b)"));
        assertFalse(MatchStart.startsAtWordBoundary("a\\b"));
        assertFalse(MatchStart.startsAtWordBoundary("\\b?a"));
    }
}
