package dev.rebound.reply.domain.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.rebound.reply.domain.analysis.PatternScan;

/**
 * The features of a request that politeness theory says matter (Brown and Levinson; the
 * strategies of Danescu-Niculescu-Mizil et al., ACL 2013): gratitude, deference, greetings,
 * apologies, "please" in and out of first position, indirect and hedged requests, counterfactual
 * modals, direct questions and starts, first- and second-person starts, factuality, positive
 * and negative words, and scare quotes (a short phrase in quotation marks, as sarcasm marks it). For English, word unigrams and bigrams join them. Strategies are read per
 * language from the lexicons of {@link StrategyLexicon}, so a model fitted on English strategies
 * scores German and French text too.
 */
public final class PolitenessFeatures {

    private static final Pattern TOKEN = Pattern.compile("<url>|[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?|[?!]");
    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?]*");

    private final StrategyLexicon lexicon;
    private final boolean wordFeatures;
    private final List<String> anywhereNames;
    private final PatternScan anywhere;

    public PolitenessFeatures(StrategyLexicon lexicon, boolean wordFeatures) {
        this.lexicon = lexicon;
        this.wordFeatures = wordFeatures;
        this.anywhereNames = List.copyOf(lexicon.anywhere().keySet());
        this.anywhere = new PatternScan(List.copyOf(lexicon.anywhere().values()));
    }

    public StrategyLexicon lexicon() {
        return lexicon;
    }

    /** Sparse binary features of the text; strategy names start with "s:", words with "w:". */
    public Map<String, Double> extract(String text) {
        Map<String, Double> features = new HashMap<>();
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        List<List<String>> sentences = new ArrayList<>();
        Matcher sentenceMatcher = SENTENCE.matcher(lower);
        while (sentenceMatcher.find()) {
            List<String> tokens = tokens(sentenceMatcher.group());
            if (!tokens.isEmpty()) {
                sentences.add(tokens);
            }
        }
        List<String> all = tokens(lower);
        anywhere.occurring(lower).stream().forEach(strategy -> features.put("s:" + anywhereNames.get(strategy), 1.0));
        for (List<String> sentence : sentences) {
            String first = sentence.get(0);
            lexicon.sentenceStarts().forEach((name, words) -> {
                if (words.contains(first)) {
                    features.put("s:start_" + name, 1.0);
                }
            });
            if (sentence.contains("?") && lexicon.questionWords().contains(first)) {
                features.put("s:direct_question", 1.0);
            }
        }
        if (!sentences.isEmpty() && lexicon.sentenceStarts().getOrDefault("please", Set.of()).contains(sentences.get(0).get(0))) {
            features.put("s:please_first", 1.0);
        }
        long positives = all.stream().filter(lexicon.positiveWords()::contains).count();
        long negatives = all.stream().filter(lexicon.negativeWords()::contains).count();
        if (positives > 0) {
            features.put("s:positive_lexicon", 1.0);
        }
        if (negatives > 0) {
            features.put("s:negative_lexicon", 1.0);
        }
        if (negatives > 1) {
            features.put("s:negative_lexicon_2", 1.0);
        }
        long questions = all.stream().filter("?"::equals).count();
        if (questions > 1) {
            features.put("s:several_questions", 1.0);
        }
        if (all.contains("!")) {
            features.put("s:exclamation", 1.0);
        }
        if (wordFeatures) {
            for (List<String> sentence : sentences) {
                String previous = "<s>";
                for (String token : sentence) {
                    features.put("w:" + token, 1.0);
                    features.put("b:" + previous + "_" + token, 1.0);
                    previous = token;
                }
            }
        }
        return features;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
