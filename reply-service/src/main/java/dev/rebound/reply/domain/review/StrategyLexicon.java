package dev.rebound.reply.domain.review;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.rebound.reply.domain.ClassPathProperties;

/**
 * The politeness strategies of one language, read from {@code review/strategies_<lang>.properties}:
 * {@code anywhere.<strategy>} is a regular expression over the lower-cased text,
 * {@code start.<strategy>} a list of words that mark the strategy when they open a sentence, and
 * {@code words.positive} / {@code words.negative} / {@code words.question} word lists.
 */
public record StrategyLexicon(
        String language,
        Map<String, Pattern> anywhere,
        Map<String, Set<String>> sentenceStarts,
        Set<String> positiveWords,
        Set<String> negativeWords,
        Set<String> questionWords) {

    public static StrategyLexicon forLanguage(String language) {
        Properties properties = ClassPathProperties.read("review/strategies_" + language + ".properties")
                .orElseThrow(() -> new IllegalArgumentException("no politeness strategies for language " + language));
        Map<String, Pattern> anywhere = new LinkedHashMap<>();
        Map<String, Set<String>> starts = new LinkedHashMap<>();
        new TreeSet<>(properties.stringPropertyNames()).forEach(name -> {
            String value = properties.getProperty(name).strip();
            if (name.startsWith("anywhere.")) {
                anywhere.put(name.substring("anywhere.".length()), Pattern.compile(value, Pattern.UNICODE_CHARACTER_CLASS));
            } else if (name.startsWith("start.")) {
                starts.put(name.substring("start.".length()), words(value));
            }
        });
        return new StrategyLexicon(language, anywhere, starts,
                words(properties.getProperty("words.positive", "")),
                words(properties.getProperty("words.negative", "")),
                words(properties.getProperty("words.question", "")));
    }

    private static Set<String> words(String list) {
        return Arrays.stream(list.split("[,\\s]+")).map(String::strip).filter(w -> !w.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
