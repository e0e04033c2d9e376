package dev.rebound.reply.domain.review;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.rebound.proto.v1.FindingCategory;
import dev.rebound.proto.v1.Practice;
import dev.rebound.proto.v1.Severity;
import dev.rebound.reply.domain.ClassPathProperties;
import dev.rebound.reply.domain.analysis.PatternScan;

/**
 * The review rules of one language, read from {@code review/findings_<lang>.properties}: per
 * finding category a severity, an explanation, a suggested rewrite and the patterns that detect
 * it; per practice the pattern that shows it and the advice when it is missing; what accepting the
 * decision graciously looks like.
 */
public record ReviewRules(
        String language,
        Map<FindingCategory, Category> categories,
        PatternScan findingPatterns,
        Map<Practice, Pattern> practices,
        Map<Practice, String> missingAdvice,
        Pattern graciousAcceptance,
        Severity farTooLongSeverity,
        String readyReason,
        String impoliteReason) {

    /**
     * Whether a sentence does something a good reply does: thanks, a positive, a feedback request, door
     * open, closing, or accepting the decision graciously ("I know it must have been a difficult decision").
     */
    public boolean servesAPractice(String sentence) {
        return practices.values().stream().anyMatch(shows -> shows.matcher(sentence).find()) || graciousAcceptance.matcher(sentence).find();
    }

    /** The category of the finding pattern numbered by {@link #findingPatterns}: the categories' patterns in their order. */
    public Category categoryOfPattern(int pattern) {
        int first = 0;
        for (Category category : categories.values()) {
            first += category.patterns().size();
            if (pattern < first) {
                return category;
            }
        }
        throw new IndexOutOfBoundsException("no finding pattern " + pattern);
    }

    /** How one category of finding is detected and explained. */
    public record Category(FindingCategory category, Severity severity, String explanation, String rewrite, List<Pattern> patterns) {
    }

    static final Map<Practice, String> PRACTICE_KEYS = Map.of(
            Practice.PRACTICE_THANKS, "thanks",
            Practice.PRACTICE_SPECIFIC_POSITIVE, "specific_positive",
            Practice.PRACTICE_FEEDBACK_REQUEST, "feedback_request",
            Practice.PRACTICE_DOOR_OPEN, "door_open",
            Practice.PRACTICE_CLOSING, "closing");

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    public static ReviewRules forLanguage(String language) {
        String resource = "review/findings_" + language + ".properties";
        Properties properties = ClassPathProperties.read(resource)
                .orElseThrow(() -> new IllegalArgumentException("no review rules for language " + language));
        Map<FindingCategory, Category> categories = new EnumMap<>(FindingCategory.class);
        for (FindingCategory category : FindingCategory.values()) {
            if (category == FindingCategory.FINDING_CATEGORY_UNSPECIFIED || category == FindingCategory.UNRECOGNIZED) {
                continue;
            }
            String key = category.name().substring("FINDING_CATEGORY_".length()).toLowerCase(Locale.ROOT);
            List<Pattern> patterns = new ArrayList<>();
            new TreeSet<>(properties.stringPropertyNames()).stream()
                    .filter(name -> name.startsWith(key + ".pattern."))
                    .forEach(name -> patterns.add(Pattern.compile(properties.getProperty(name), FLAGS)));
            categories.put(category, new Category(category,
                    Severity.valueOf("SEVERITY_" + required(properties, key + ".severity", resource)),
                    required(properties, key + ".explanation", resource),
                    properties.getProperty(key + ".rewrite", "").strip(),
                    List.copyOf(patterns)));
        }
        Map<Practice, Pattern> practices = new EnumMap<>(Practice.class);
        Map<Practice, String> advice = new EnumMap<>(Practice.class);
        PRACTICE_KEYS.forEach((practice, key) -> {
            practices.put(practice, Pattern.compile(required(properties, "practice." + key, resource), FLAGS));
            advice.put(practice, required(properties, "missing." + key, resource));
        });
        PatternScan findingPatterns = new PatternScan(categories.values().stream().flatMap(category -> category.patterns().stream()).toList());
        return new ReviewRules(language, categories, findingPatterns, practices, advice,
                Pattern.compile(required(properties, "gracious_acceptance", resource), FLAGS),
                Severity.valueOf("SEVERITY_" + required(properties, "too_long_far.severity", resource)),
                required(properties, "verdict.ready", resource),
                required(properties, "verdict.impolite", resource));
    }

    private static String required(Properties properties, String key, String resource) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(resource + " lacks " + key);
        }
        return value.strip();
    }
}
