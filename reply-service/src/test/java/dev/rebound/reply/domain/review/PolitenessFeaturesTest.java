package dev.rebound.reply.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolitenessFeaturesTest {

    /** The strategy features of a text, "s:" left off. */
    static Set<String> strategies(String language, String text) {
        Set<String> names = new TreeSet<>();
        new PolitenessFeatures(StrategyLexicon.forLanguage(language), false).extract(text).keySet()
                .forEach(name -> names.add(name.substring("s:".length())));
        return names;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en | Thanks! Could you please share feedback? | gratitude, counterfactual_modal, please, second_person, exclamation, positive_lexicon",
            "en | So you went with someone more 'aligned'. | start_direct, second_person, scare_quotes",
            "en | I took the candidates' time seriously. | first_person, start_first_person",
            "de | Danke, dass Sie jemanden gefunden haben, der besser „ins Team passt“. | gratitude, positive_lexicon, second_person, scare_quotes",
            "fr | Ravie que vous ayez trouvé quelqu'un qui « colle mieux à la culture ». | second_person, scare_quotes"})
    void readsTheStrategiesOfPolitenessTheory(String language, String text, String expected) {
        assertEquals(new TreeSet<>(Set.of(expected.split(", "))), strategies(language, text));
    }
}
