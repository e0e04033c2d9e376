package dev.rebound.reply.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

    @Test
    void aClearFunctionWordVoteDecidesWithoutTheDetector() {
        assertEquals(Optional.of("en"), LanguageIdentifier.functionWordVote(
                "Thank you for your interest in the role. We have decided not to move forward with your application."));
        assertEquals(Optional.of("de"), LanguageIdentifier.functionWordVote(
                "Vielen Dank für Ihre Bewerbung. Leider müssen wir Ihnen mitteilen, dass wir uns für die andere Kandidatin und nicht für Sie entschieden haben."));
        assertEquals(Optional.of("fr"), LanguageIdentifier.functionWordVote(
                "Merci pour votre candidature. Nous avons le regret de vous informer que nous avons retenu un autre profil pour le poste et les équipes."));
    }

    @Test
    void leavesOtherLanguagesAndShortTextsToTheDetector() {
        assertEquals(Optional.empty(), LanguageIdentifier.functionWordVote(
                "Gracias por su interés en el puesto. Lamentamos informarle que hemos decidido continuar con otros candidatos."));
        assertEquals(Optional.empty(), LanguageIdentifier.functionWordVote("Decline."));
        assertEquals(Optional.of("es"), new LanguageIdentifier().identify(
                "Gracias por su interés en el puesto. Lamentamos informarle que hemos decidido continuar con otros candidatos."));
    }
}
