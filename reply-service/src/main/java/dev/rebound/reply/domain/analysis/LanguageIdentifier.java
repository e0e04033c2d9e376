package dev.rebound.reply.domain.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/** Which language a text is in, by OpenNLP's pretrained detector (103 languages). */
public final class LanguageIdentifier {

    private static final String MODEL = "langdetect-183.bin";
    /** Below this many letters a guess is noise. */
    private static final int MIN_LETTERS = 20;
    /** The best guess must be this many times likelier than the next (the scores spread over 103 languages). */
    private static final double MIN_LEAD = 1.5;
    /** The detector's cost grows with the text; a paragraph tells the language as well as a page. */
    private static final int SAMPLE_CHARS = 600;
    private static final Map<String, String> ISO3_TO_ISO1 = new HashMap<>();

    static {
        for (String iso1 : Locale.getISOLanguages()) {
            ISO3_TO_ISO1.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
        }
    }

    /** Function words of the languages replies are written in: a clear vote settles the language cheaply. */
    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en", Set.of("the", "and", "to", "of", "you", "your", "we", "for", "with", "our", "thank", "have", "this", "that", "not"),
            "de", Set.of("und", "der", "die", "das", "sie", "ihre", "ihnen", "wir", "für", "nicht", "mit", "uns", "vielen", "dank", "ich"),
            "fr", Set.of("le", "les", "et", "vous", "votre", "nous", "pour", "avec", "des", "merci", "une", "est", "pas", "je", "du"));
    private static final Map<String, String> LANGUAGE_OF_FUNCTION_WORD = new HashMap<>();

    static {
        FUNCTION_WORDS.forEach((language, words) -> words.forEach(word -> LANGUAGE_OF_FUNCTION_WORD.put(word, language)));
    }

    private static final int MIN_VOTES = 6;

    private final LanguageDetectorModel model;
    // LanguageDetectorME keeps per-call state: one per thread
    private final ThreadLocal<LanguageDetectorME> detectors;

    public LanguageIdentifier() {
        try (InputStream in = LanguageIdentifier.class.getClassLoader().getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException(MODEL + " is not on the class path (opennlp-models-langdetect)");
            }
            model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL, e);
        }
        detectors = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
    }

    /** The ISO 639-1 code of the text's language, when the text is long enough to tell. */
    public Optional<String> identify(String text) {
        if (text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return Optional.empty();
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        Optional<String> voted = functionWordVote(sample);
        if (voted.isPresent()) {
            return voted;
        }
        Language[] ranked = detectors.get().predictLanguages(sample);
        if (ranked.length > 1 && ranked[0].getConfidence() < MIN_LEAD * ranked[1].getConfidence()) {
            return Optional.empty();
        }
        return Optional.ofNullable(ISO3_TO_ISO1.get(ranked[0].getLang()));
    }

    /**
     * The language whose function words clearly dominate (at least 6 of them, three times as many
     * as any other language's); the statistical detector, ten times slower, decides the rest.
     */
    static Optional<String> functionWordVote(String text) {
        Map<String, Integer> votes = new HashMap<>();
        StringBuilder word = new StringBuilder();
        // one pass over the letters: this runs on every email and draft, a regex per word cost more than the rest
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                word.append(Character.toLowerCase(c));
            } else if (word.length() > 0) {
                String language = LANGUAGE_OF_FUNCTION_WORD.get(word.toString());
                if (language != null) {
                    votes.merge(language, 1, Integer::sum);
                }
                word.setLength(0);
            }
        }
        List<Map.Entry<String, Integer>> ranked = votes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
        if (ranked.isEmpty() || ranked.get(0).getValue() < MIN_VOTES) {
            return Optional.empty();
        }
        int runnerUp = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        return ranked.get(0).getValue() >= 3 * runnerUp ? Optional.of(ranked.get(0).getKey()) : Optional.empty();
    }
}
