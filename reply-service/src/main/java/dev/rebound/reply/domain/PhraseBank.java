package dev.rebound.reply.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrasings of one language, read from {@code phrases/<language>.properties}. A key names a
 * phrase and its variants are numbered ({@code closing.formal.1}, {@code closing.formal.2}, …);
 * {@code {name}} marks a fact filled in from the request. A phrase whose facts are not all known
 * is never used, so no placeholder reaches a reply.
 */
public final class PhraseBank {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Pattern NUMBERED_KEY = Pattern.compile("(.+)\\.(\\d+)");

    private final Locale locale;
    private final Map<String, List<Template>> variantsByKey;

    private PhraseBank(Locale locale, Map<String, List<Template>> variantsByKey) {
        this.locale = locale;
        this.variantsByKey = variantsByKey;
    }

    /** The bank of a language (an ISO 639-1 code such as "en"). */
    public static PhraseBank forLanguage(String language) {
        Properties properties = ClassPathProperties.read("phrases/" + language + ".properties")
                .orElseThrow(() -> new IllegalArgumentException("no phrase bank for language " + language));
        return new PhraseBank(Locale.forLanguageTag(language), group(properties));
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The variants of {@code key} whose facts are all known, filled in. Only the variants that use
     * the most known facts are returned: a reply names the company or the contact wherever it can.
     */
    public List<String> filledVariants(String key, Map<String, String> facts) {
        List<Template> templates = variantsByKey.get(key);
        if (templates == null) {
            throw new IllegalStateException("phrase bank " + locale + " has no phrase " + key);
        }
        List<String> filled = new ArrayList<>();
        int mostFactsUsed = -1;
        for (Template template : templates) {
            Optional<String> text = template.fill(facts);
            if (text.isEmpty()) {
                continue;
            }
            int factsUsed = template.facts().size();
            if (factsUsed > mostFactsUsed) {
                filled.clear();
                mostFactsUsed = factsUsed;
            }
            if (factsUsed == mostFactsUsed) {
                filled.add(text.get());
            }
        }
        return filled;
    }

    /** Whether the bank has a phrase under this key. */
    public boolean has(String key) {
        return variantsByKey.containsKey(key);
    }

    /** A phrase split once, at load, into its literal text and the facts between ({@code texts} has one more). */
    private record Template(List<String> texts, List<String> facts) {

        static Template parse(String template) {
            List<String> texts = new ArrayList<>();
            List<String> facts = new ArrayList<>();
            Matcher matcher = PLACEHOLDER.matcher(template);
            int end = 0;
            while (matcher.find()) {
                texts.add(template.substring(end, matcher.start()));
                facts.add(matcher.group(1));
                end = matcher.end();
            }
            texts.add(template.substring(end));
            return new Template(List.copyOf(texts), List.copyOf(facts));
        }

        Optional<String> fill(Map<String, String> known) {
            StringBuilder out = new StringBuilder(texts.get(0));
            for (int i = 0; i < facts.size(); i++) {
                String value = known.get(facts.get(i));
                if (value == null || value.isBlank()) {
                    return Optional.empty();
                }
                out.append(value).append(texts.get(i + 1));
            }
            return Optional.of(out.toString());
        }
    }

    private static Map<String, List<Template>> group(Properties properties) {
        Map<String, List<Map.Entry<Integer, String>>> numbered = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            Matcher matcher = NUMBERED_KEY.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalStateException("phrase key without a variant number: " + name);
            }
            numbered.computeIfAbsent(matcher.group(1), key -> new ArrayList<>())
                    .add(Map.entry(Integer.parseInt(matcher.group(2)), properties.getProperty(name).strip()));
        }
        Map<String, List<Template>> grouped = new HashMap<>();
        numbered.forEach((key, entries) -> grouped.put(key, entries.stream()
                .sorted(Comparator.comparing(Map.Entry::getKey))
                .map(entry -> Template.parse(entry.getValue()))
                .toList()));
        return grouped;
    }
}
