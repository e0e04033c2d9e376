package dev.rebound.reply.domain.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The characters a match of a regular expression can start with, read from the expression itself.
 * A cue searched for in a whole email would otherwise try each of its alternatives at every word;
 * a lookahead on these characters lets the matcher skip most words after one test. Reads the
 * syntax java.util.regex accepts; whatever it does not follow (a class with a negation or a
 * property, \w, '.') may start with anything, so the answer is always a superset.
 */
final class MatchStart {

    /** A piece of the expression: the characters it can start with (null: any), whether it can match empty, where it ends. */
    private record Piece(Set<Character> first, boolean canBeEmpty, int end) {
    }

    private final String regex;

    private MatchStart(String regex) {
        this.regex = regex;
    }

    /** Both cases of every character a match can start with; empty when it may start with any. */
    static Optional<Set<Character>> of(String regex) {
        Piece whole = new MatchStart(regex).alternation(0);
        if (whole.end() != regex.length() || whole.first() == null || whole.canBeEmpty()) {
            return Optional.empty();
        }
        Set<Character> bothCases = new TreeSet<>();
        for (char c : whole.first()) {
            bothCases.add(Character.toLowerCase(c));
            bothCases.add(Character.toUpperCase(c));
        }
        return Optional.of(bothCases);
    }

    /**
     * The expression as alternatives that, tried in order at one position, match exactly as the
     * whole does: its top-level alternatives, with a group that leads one (after zero-width parts
     * such as a word boundary) spread out, since P(A|B)S tries PAS, then PBS, and P(A)?S tries PAS,
     * then PS (a greedy '?' only; P(A)*S and the like stay whole). Each alternative then
     * starts with fewer characters, so a scan tries far fewer of them at each position.
     */
    static List<String> alternatives(String regex) {
        List<String> alternatives = new ArrayList<>();
        new MatchStart(regex).spread(alternatives);
        return alternatives;
    }

    private void spread(List<String> into) {
        for (String branch : topLevel(0, regex.length())) {
            int lead = 0;
            while (lead < branch.length() && isZeroWidthAtom(branch, lead)) {
                lead = new MatchStart(branch).atom(lead).end();
            }
            MatchStart inBranch = new MatchStart(branch);
            int groupEnd = lead < branch.length() && branch.charAt(lead) == '(' ? inBranch.atom(lead).end() : -1;
            int bodyStart = groupEnd < 0 ? -1 : plainGroupBody(branch, lead);
            int quantifierEnd = bodyStart < 0 ? -1 : inBranch.quantifier(groupEnd);
            boolean optional = quantifierEnd == groupEnd + 1 && branch.charAt(groupEnd) == '?';
            if (bodyStart < 0 || quantifierEnd != groupEnd && !optional) {
                into.add(branch);
                continue;
            }
            for (String inner : inBranch.topLevel(bodyStart, groupEnd - 1)) {
                new MatchStart(branch.substring(0, lead) + inner + branch.substring(quantifierEnd)).spread(into);
            }
            if (optional) {
                new MatchStart(branch.substring(0, lead) + branch.substring(quantifierEnd)).spread(into);
            }
        }
    }

    /** The alternatives between from and to, split at the '|' outside any group or class. */
    private List<String> topLevel(int from, int to) {
        List<String> branches = new ArrayList<>();
        int i = from;
        int branchStart = from;
        while (i < to) {
            if (regex.charAt(i) == '|') {
                branches.add(regex.substring(branchStart, i));
                branchStart = ++i;
            } else {
                i = quantifier(atom(i).end());
            }
        }
        branches.add(regex.substring(branchStart, to));
        return branches;
    }

    /** Whether a match must start at a word boundary: a \b among the zero-width parts that lead the expression. */
    static boolean startsAtWordBoundary(String regex) {
        int i = 0;
        while (i < regex.length() && isZeroWidthAtom(regex, i)) {
            if (regex.startsWith("\\b", i)) {
                return true;
            }
            i = new MatchStart(regex).atom(i).end();
        }
        return false;
    }

    /**
     * The characters every match starts with, read up to the first character that is not a plain,
     * unquantified one (a class, a group, an optional letter…); zero-width parts ahead are skipped.
     */
    static String literalPrefix(String regex) {
        MatchStart reader = new MatchStart(regex);
        int i = 0;
        while (i < regex.length() && isZeroWidthAtom(regex, i)) {
            i = reader.atom(i).end();
        }
        StringBuilder prefix = new StringBuilder();
        while (i < regex.length() && "|)([.^$".indexOf(regex.charAt(i)) < 0) {
            Piece atom = reader.atom(i);
            if (atom.first() == null || atom.first().size() != 1 || atom.canBeEmpty() || reader.quantifier(atom.end()) != atom.end()) {
                break;
            }
            prefix.append(atom.first().iterator().next());
            i = atom.end();
        }
        return prefix.toString();
    }

    /** A word boundary, an anchor or a lookaround, none of them quantified. */
    private static boolean isZeroWidthAtom(String branch, int i) {
        boolean zeroWidth = branch.startsWith("\\b", i) || branch.startsWith("\\B", i) || branch.startsWith("\\A", i)
                || branch.charAt(i) == '^' || branch.startsWith("(?=", i) || branch.startsWith("(?!", i)
                || branch.startsWith("(?<=", i) || branch.startsWith("(?<!", i);
        if (!zeroWidth) {
            return false;
        }
        MatchStart reader = new MatchStart(branch);
        int end = reader.atom(i).end();
        return reader.quantifier(end) == end;
    }

    /** Where the body of a capturing or (?:…) group at i starts; -1 for any other group (lookaround, flags, named, atomic). */
    private static int plainGroupBody(String branch, int i) {
        if (!branch.startsWith("(?", i)) {
            return i + 1;
        }
        return branch.startsWith("(?:", i) ? i + 3 : -1;
    }

    private Piece alternation(int start) {
        Set<Character> first = new TreeSet<>();
        boolean canBeEmpty = false;
        int i = start;
        while (true) {
            Piece branch = sequence(i);
            first = union(first, branch.first());
            canBeEmpty |= branch.canBeEmpty();
            i = branch.end();
            if (i < regex.length() && regex.charAt(i) == '|') {
                i++;
            } else {
                return new Piece(first, canBeEmpty, i);
            }
        }
    }

    private Piece sequence(int start) {
        Set<Character> first = new TreeSet<>();
        boolean canBeEmpty = true;
        int i = start;
        while (i < regex.length() && regex.charAt(i) != '|' && regex.charAt(i) != ')') {
            Piece atom = atom(i);
            int afterQuantifier = quantifier(atom.end());
            boolean optional = afterQuantifier != atom.end() && quantifierAllowsNone(atom.end());
            if (canBeEmpty) {
                first = union(first, atom.first());
                canBeEmpty = atom.canBeEmpty() || optional;
            }
            i = afterQuantifier;
        }
        return new Piece(first, canBeEmpty, i);
    }

    private Piece atom(int i) {
        char c = regex.charAt(i);
        switch (c) {
            case '\\':
                return escape(i);
            case '(':
                return group(i);
            case '[':
                return characterClass(i);
            case '^':
            case '$':
                return new Piece(Set.of(), true, i + 1);
            case '.':
                return new Piece(null, false, i + 1);
            default:
                return new Piece(Set.of(c), false, i + 1);
        }
    }

    private Piece escape(int i) {
        char escaped = regex.charAt(i + 1);
        if ("bBAzZG".indexOf(escaped) >= 0) {
            return new Piece(Set.of(), true, i + 2);
        }
        if (escaped == 'p' || escaped == 'P') {
            int end = regex.charAt(i + 2) == '{' ? regex.indexOf('}', i + 2) + 1 : i + 3;
            return new Piece(null, false, end);
        }
        if (Character.isLetterOrDigit(escaped)) {
            return new Piece(null, false, i + 2); // \w, \d, \s, \u0041…: any, to stay on the safe side
        }
        return new Piece(Set.of(escaped), false, i + 2);
    }

    private Piece group(int i) {
        int inner = i + 1;
        boolean lookaround = false;
        if (regex.startsWith("?", inner)) {
            if (regex.startsWith("?=", inner) || regex.startsWith("?!", inner)) {
                lookaround = true;
                inner += 2;
            } else if (regex.startsWith("?<=", inner) || regex.startsWith("?<!", inner)) {
                lookaround = true;
                inner += 3;
            } else if (regex.startsWith("?<", inner)) {
                inner = regex.indexOf('>', inner) + 1;
            } else {
                // (?:…), (?i:…), (?-i:…), or a bare flag change (?i)
                int j = inner + 1;
                while (j < regex.length() && regex.charAt(j) != ':' && regex.charAt(j) != ')') {
                    j++;
                }
                if (regex.charAt(j) == ')') {
                    return new Piece(Set.of(), true, j + 1);
                }
                inner = j + 1;
            }
        }
        Piece body = alternation(inner);
        int end = body.end() + 1; // past ')'
        return lookaround ? new Piece(Set.of(), true, end) : new Piece(body.first(), body.canBeEmpty(), end);
    }

    private Piece characterClass(int i) {
        Set<Character> members = new TreeSet<>();
        boolean any = regex.charAt(i + 1) == '^';
        int j = i + 1;
        boolean firstMember = true;
        while (firstMember || regex.charAt(j) != ']') {
            char c = regex.charAt(j);
            firstMember = false;
            if (c == '[') {
                any = true; // a nested class or an intersection
                j = regex.indexOf(']', j) + 1;
                continue;
            }
            if (c == '\\') {
                char escaped = regex.charAt(j + 1);
                if (Character.isLetterOrDigit(escaped)) {
                    any = true;
                } else {
                    members.add(escaped);
                }
                j += escaped == 'p' || escaped == 'P' ? regex.indexOf('}', j) + 1 - j : 2;
                continue;
            }
            if (j + 2 < regex.length() && regex.charAt(j + 1) == '-' && regex.charAt(j + 2) != ']') {
                for (char member = c; member <= regex.charAt(j + 2); member++) {
                    members.add(member);
                }
                j += 3;
                continue;
            }
            members.add(c);
            j++;
        }
        return new Piece(any ? null : members, false, j + 1);
    }

    /** The index after a quantifier at i (itself when there is none). */
    private int quantifier(int i) {
        if (i >= regex.length()) {
            return i;
        }
        int end = i;
        char c = regex.charAt(i);
        if (c == '?' || c == '*' || c == '+') {
            end = i + 1;
        } else if (c == '{') {
            end = regex.indexOf('}', i) + 1;
        }
        if (end != i && end < regex.length() && (regex.charAt(end) == '?' || regex.charAt(end) == '+')) {
            end++; // lazy or possessive
        }
        return end;
    }

    private boolean quantifierAllowsNone(int i) {
        char c = regex.charAt(i);
        return c == '?' || c == '*' || c == '{' && regex.startsWith("{0", i);
    }

    private static Set<Character> union(Set<Character> a, Set<Character> b) {
        if (a == null || b == null) {
            return null;
        }
        Set<Character> both = new TreeSet<>(a);
        both.addAll(b);
        return both;
    }
}
