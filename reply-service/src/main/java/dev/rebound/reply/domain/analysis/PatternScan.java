package dev.rebound.reply.domain.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many patterns searched for in one pass over a text, with the matches {@link Matcher#find()}
 * gives each of them. Searched one by one, a few hundred rules of many alternatives each tried
 * every alternative at every position (milliseconds per draft); here each pattern is split into
 * alternatives ({@link MatchStart#alternatives}) filed in a trie by the literal text they start
 * with, so a position tries only the alternatives whose literal start is there in the text.
 */
public final class PatternScan {

    /** Alternative number {@code index} (in the patterns' order, then their own), of pattern number {@code pattern}. */
    private record Alternative(int index, int pattern, Pattern regex, boolean atWordBoundary) {
    }

    /** A match of pattern number {@code pattern}. */
    public record Match(int pattern, int start, int end) {
    }

    /**
     * The alternatives by the case-folded literal text they start with: those filed at a node may
     * match where the text spells the path to it. An alternative with no literal start is filed
     * under each character it can start with, or at the root when it can start with anything.
     */
    private static final class Node {

        /** Looked up at almost every position, the root and its children index ASCII children by character; deeper nodes keep a short list. */
        private static final int INDEXED_DEPTH = 1;

        private final int depth;
        private final Node[] asciiChildren;
        private char[] keys = {};
        private Node[] children = {};
        private Alternative[] filed = {};

        Node(int depth) {
            this.depth = depth;
            this.asciiChildren = depth <= INDEXED_DEPTH ? new Node[128] : null;
        }

        boolean isEmpty() {
            return filed.length == 0 && keys.length == 0;
        }

        Node child(char folded) {
            if (asciiChildren != null && folded < asciiChildren.length) {
                return asciiChildren[folded];
            }
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == folded) {
                    return children[i];
                }
            }
            return null;
        }

        Node childOrNew(char folded) {
            Node child = child(folded);
            if (child == null) {
                child = new Node(depth + 1);
                keys = Arrays.copyOf(keys, keys.length + 1);
                keys[keys.length - 1] = folded;
                children = Arrays.copyOf(children, children.length + 1);
                children[children.length - 1] = child;
                if (asciiChildren != null && folded < asciiChildren.length) {
                    asciiChildren[folded] = child;
                }
            }
            return child;
        }

        void file(String foldedPath, Alternative alternative) {
            Node node = this;
            for (int i = 0; i < foldedPath.length(); i++) {
                node = node.childOrNew(foldedPath.charAt(i));
            }
            node.filed = Arrays.copyOf(node.filed, node.filed.length + 1);
            node.filed[node.filed.length - 1] = alternative;
        }
    }

    private static final Comparator<Alternative> BY_INDEX = Comparator.comparingInt(Alternative::index);

    private final int patternCount;
    private final int alternativeCount;
    /** The tries of all alternatives, and of those that may start inside a word (not at \b). */
    private final Node atWordStart = new Node(0);
    private final Node insideWord = new Node(0);
    private final boolean mayStartInsideAWord;

    public PatternScan(List<Pattern> patterns) {
        this.patternCount = patterns.size();
        int index = 0;
        for (int p = 0; p < patterns.size(); p++) {
            for (String regex : MatchStart.alternatives(patterns.get(p).pattern())) {
                Alternative alternative = new Alternative(index++, p, Pattern.compile(regex, patterns.get(p).flags()), MatchStart.startsAtWordBoundary(regex));
                List<String> paths = literalStarts(regex);
                paths.forEach(path -> atWordStart.file(path, alternative));
                if (!alternative.atWordBoundary()) {
                    paths.forEach(path -> insideWord.file(path, alternative));
                }
            }
        }
        this.alternativeCount = index;
        this.mayStartInsideAWord = !insideWord.isEmpty();
    }

    /** The case-folded literal texts a match of the alternative starts with, one of them (an empty one: any). */
    private static List<String> literalStarts(String regex) {
        String prefix = fold(MatchStart.literalPrefix(regex));
        if (!prefix.isEmpty()) {
            return List.of(prefix);
        }
        return MatchStart.of(regex).map(first -> first.stream().map(c -> String.valueOf(fold(c))).distinct().toList()).orElse(List.of(""));
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
        Alternative[] candidates = new Alternative[alternativeCount];
        // read once: a position looks at its character, the one before and those its trie walk spells
        char[] chars = text.toString().toCharArray();
        int length = chars.length;
        boolean previousIsWordCharacter = false;
        for (int at = 0; at < length; at++) {
            boolean isWordCharacter = isAsciiWordCharacter(chars[at]);
            // between two ASCII word characters no \b holds, whatever the flags
            boolean insideAWord = isWordCharacter && previousIsWordCharacter;
            previousIsWordCharacter = isWordCharacter;
            if (insideAWord && !mayStartInsideAWord) {
                continue;
            }
            Node node = insideAWord ? insideWord : atWordStart;
            int count = 0;
            boolean sorted = true;
            for (int next = at; node != null; node = next < length ? node.child(fold(chars[next++])) : null) {
                Alternative[] filed = node.filed;
                if (filed.length > 0) {
                    sorted &= count == 0;
                    System.arraycopy(filed, 0, candidates, count, filed.length);
                    count += filed.length;
                }
            }
            if (!sorted) {
                // find() tries a pattern's alternatives in its own order
                Arrays.sort(candidates, 0, count, BY_INDEX);
            }
            for (int c = 0; c < count; c++) {
                Alternative alternative = candidates[c];
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

    private static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.chars().forEach(c -> folded.append(fold((char) c)));
        return folded.toString();
    }

    /** The key both cases of a letter share, as case-insensitive matching compares them. */
    private static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
