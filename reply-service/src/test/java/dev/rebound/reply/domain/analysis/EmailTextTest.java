package dev.rebound.reply.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmailTextTest {

    static final String REPLY = "Hi Jane,\n\nThank you for letting me know.\n\nBest,\nSam\n\n";

    static Stream<Arguments> quotesBelowAReply() {
        return Stream.of(
                Arguments.of("Gmail", "On Mon, Nov 3, 2026 at 10:12 AM Jane Doe <jane@acme.com> wrote:\n> Hi Sam,\n> Unfortunately we went with another candidate."),
                Arguments.of("Outlook", "From: Jane Doe <jane@acme.com>\nSent: Monday, November 3, 2026 10:12\nTo: Sam Lee\n\nHi Sam,"),
                Arguments.of("Outlook, German", "Von: Jane Doe <jane@acme.com>\nGesendet: Montag, 3. November 2026 10:12\nAn: Sam Lee\n\nHallo Sam,"),
                Arguments.of("Outlook, French", "De : Jane Doe <jane@acme.com>\nEnvoyé : lundi 3 novembre 2026 10:12\nÀ : Sam Lee\n\nBonjour Sam,"),
                Arguments.of("original message", "-----Original Message-----\nFrom: Jane\nSubject: Your application\n\nHi Sam,"),
                Arguments.of("German client", "Am 03.11.2026 um 10:12 schrieb Jane Doe <jane@acme.com>:\n> Hallo Sam,"),
                Arguments.of("French client", "Le lun. 3 nov. 2026 à 10:12, Jane Doe <jane@acme.com> a écrit :\n> Bonjour Sam,"),
                Arguments.of("closing quoted lines", "> Hi Sam,\n>\n>   > Unfortunately we went with another candidate.\n> Jane\n\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotesBelowAReply")
    void theOwnTextEndsWhereTheQuotedMessageBegins(String client, String quote) {
        assertEquals(REPLY.length(), EmailText.ownTextEnd(REPLY + quote));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotesBelowAReply")
    void aTextThatIsAllQuoteIsKeptWhole(String client, String quote) {
        assertEquals(quote.length(), EmailText.ownTextEnd(quote));
    }

    @Test
    void quotedLinesInsideTheReplyAndAReplyWithoutAQuoteAreKept() {
        String inline = "Hi Jane,\n> Could you share feedback?\nOf course: I would welcome it.\nSam";
        assertEquals(inline.length(), EmailText.ownTextEnd(inline));
        assertEquals(REPLY.length(), EmailText.ownTextEnd(REPLY));
    }
}
