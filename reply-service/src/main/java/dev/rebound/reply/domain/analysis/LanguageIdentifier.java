package dev.rebound.reply.domain.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
        Language[] ranked = detectors.get().predictLanguages(sample);
        if (ranked.length > 1 && ranked[0].getConfidence() < MIN_LEAD * ranked[1].getConfidence()) {
            return Optional.empty();
        }
        return Optional.ofNullable(ISO3_TO_ISO1.get(ranked[0].getLang()));
    }
}
