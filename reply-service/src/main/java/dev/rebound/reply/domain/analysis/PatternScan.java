package dev.rebound.reply.domain.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many patterns searched for in one pass over a text, with the matches {@link Matcher#find()}
 * gives each of them. Searched one by one, a few hundred rules of many alternatives each tried
 * every alternative at every position (milliseconds per draft); here each pattern is split into
 * alternatives ({@link MatchStart#alternatives}) filed by the characters they can start with, so a
 * position tries only those that can start with its character.
 */
public final class PatternScan {

    /**
     * Alternative number {@code index}, of pattern number {@code pattern}: the characters it can start
     * with (empty: any), its first two characters when it always starts with the same two (else
     * null), both case-folded, and whether it starts with \b.
     */
    private record Alternative(int index, int pattern, Pattern regex, Optional<Set<Character>> first, String firstTwo, boolean atWordBoundary) {

        static Alternative of(int index, int pattern, String regex, int flags) {
            String prefix = MatchStart.literalPrefix(regex);
            String firstTwo = prefix.length() < 2 ? null : "" + fold(prefix.charAt(0)) + fold(prefix.charAt(1));
            return new Alternative(index, pattern, Pattern.compile(regex, flags), MatchStart.of(regex), firstTwo, MatchStart.startsAtWordBoundary(regex));
        }

        boolean mayStartWith(char folded) {
            return first.isEmpty() || first.get().stream().anyMatch(c -> fold(c) == folded);
        }
    }

    /** A match of pattern number {@code pattern}. */
    public record Match(int pattern, int start, int end) {
    }

    private final int patternCount;
    private final int alternativeCount;
    /** Alternatives by the character they start with: all of them, then only those that may start inside a word. */
    private final Filed atWordStart;
    private final Filed insideWord;

    /**
     * Alternatives filed by the two characters they start with when they always start with the same
     * two, else by the first: each list holds, in the patterns' own order, every alternative that can
     * start there. Looked up at every position of the text, so the first character indexes an array.
     */
    private static final class Filed {

        /** The alternatives that can start with one character: by the next one, and those that may be followed by anything. */
        private record Start(Map<Character, List<Alternative>> byNext, List<Alternative> whateverFollows) {
        }

        private final Start[] byAsciiFirst = new Start[128];
        private final Map<Character, Start> byOtherFirst = new HashMap<>();
        private final List<Alternative> startingWithAnything;

        Filed(List<Alternative> alternatives) {
            List<Alternative> withoutFirstTwo = alternatives.stream().filter(alternative -> alternative.firstTwo() == null).toList();
            this.startingWithAnything = withoutFirstTwo.stream().filter(alternative -> alternative.first().isEmpty()).toList();
            Set<Character> firsts = new TreeSet<>();
            alternatives.forEach(alternative -> alternative.first().ifPresent(chars -> chars.forEach(c -> firsts.add(fold(c)))));
            for (char first : firsts) {
                List<Alternative> whateverFollows = withoutFirstTwo.stream().filter(alternative -> alternative.mayStartWith(first)).toList();
                Map<Character, List<Alternative>> byNext = new HashMap<>();
                alternatives.stream().map(Alternative::firstTwo).filter(two -> two != null && two.charAt(0) == first).distinct()
                        .forEach(two -> byNext.put(two.charAt(1), alternatives.stream()
                                .filter(alternative -> two.equals(alternative.firstTwo()) || alternative.firstTwo() == null && alternative.mayStartWith(first))
                                .toList()));
                Start start = new Start(Map.copyOf(byNext), whateverFollows);
                if (first < byAsciiFirst.length) {
                    byAsciiFirst[first] = start;
                } else {
                    byOtherFirst.put(first, start);
                }
            }
        }

        List<Alternative> startingAt(CharSequence text, int at) {
            char first = fold(text.charAt(at));
            Start start = first < byAsciiFirst.length ? byAsciiFirst[first] : byOtherFirst.get(first);
            if (start == null) {
                return startingWithAnything;
            }
            if (!start.byNext().isEmpty() && at + 1 < text.length()) {
                List<Alternative> two = start.byNext().get(fold(text.charAt(at + 1)));
                if (two != null) {
                    return two;
                }
            }
            return start.whateverFollows();
        }
    }

    public PatternScan(List<Pattern> patterns) {
        this.patternCount = patterns.size();
        List<Alternative> all = new ArrayList<>();
        for (int p = 0; p < patterns.size(); p++) {
            for (String alternative : MatchStart.alternatives(patterns.get(p).pattern())) {
                all.add(Alternative.of(all.size(), p, alternative, patterns.get(p).flags()));
            }
        }
        this.alternativeCount = all.size();
        this.atWordStart = new Filed(all);
        this.insideWord = new Filed(all.stream().filter(alternative -> !alternative.atWordBoundary()).toList());
    }

    /** Every non-empty match of every pattern, as repeated find() calls give them, in pattern order then by position. */
    public List<Match> matches(CharSequence text) {
        List<List<Match>> byPattern = new ArrayList<>(patternCount);
        for (int p = 0; p < patternCount; p++) {
            byPattern.add(List.of());
        }
        scan(text, Collect.ALL, match -> {
            if (byPattern.get(match.pattern()).isEmpty()) {
                byPattern.set(match.pattern(), new ArrayList<>());
            }
            byPattern.get(match.pattern()).add(match);
        });
        List<Match> matches = new ArrayList<>();
        byPattern.forEach(matches::addAll);
        return matches;
    }

    /** Whether any of the patterns occurs (matches non-empty) in the text. */
    public boolean foundIn(CharSequence text) {
        boolean[] found = {false};
        scan(text, Collect.FIRST, match -> found[0] = true);
        return found[0];
    }

    /** The numbers of the patterns that occur (match non-empty) in the text. */
    public BitSet occurring(CharSequence text) {
        BitSet found = new BitSet(patternCount);
        scan(text, Collect.FIRST_OF_EACH, match -> found.set(match.pattern()));
        return found;
    }

    /** Which matches a scan reports: all, the first of all, or each pattern's first. */
    private enum Collect { ALL, FIRST, FIRST_OF_EACH }

    private void scan(CharSequence text, Collect collect, Consumer<Match> sink) {
        // where each pattern's next search starts, as find() resumes after its previous match
        int[] resumeAt = new int[patternCount];
        Matcher[] matchers = new Matcher[alternativeCount];
        int length = text.length();
        for (int at = 0; at < length; at++) {
            // between two ASCII word characters no \b holds, whatever the flags
            boolean insideAWord = at > 0 && isAsciiWordCharacter(text.charAt(at)) && isAsciiWordCharacter(text.charAt(at - 1));
            List<Alternative> candidates = (insideAWord ? insideWord : atWordStart).startingAt(text, at);
            for (Alternative alternative : candidates) {
                int p = alternative.pattern();
                // a pattern that matched here already, or whose last match covers this position, is done here
                if (resumeAt[p] > at) {
                    continue;
                }
                Matcher matcher = matchers[alternative.index()];
                if (matcher == null) {
                    matcher = alternative.regex().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                    matchers[alternative.index()] = matcher;
                }
                matcher.region(at, length);
                if (!matcher.lookingAt()) {
                    continue;
                }
                boolean nonEmpty = matcher.end() > at;
                resumeAt[p] = nonEmpty ? collect == Collect.FIRST_OF_EACH ? Integer.MAX_VALUE : matcher.end() : at + 1;
                if (nonEmpty) {
                    sink.accept(new Match(p, at, matcher.end()));
                    if (collect == Collect.FIRST) {
                        return;
                    }
                }
            }
        }
    }

    private static boolean isAsciiWordCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** The key both cases of a letter share, as case-insensitive matching compares them. */
    private static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
