package dev.rebound.reply.domain.review;

import static dev.rebound.proto.v1.FindingCategory.FINDING_CATEGORY_BANNED_PHRASE;
import static dev.rebound.proto.v1.FindingCategory.FINDING_CATEGORY_BEGGING;
import static dev.rebound.proto.v1.FindingCategory.FINDING_CATEGORY_DEFENSIVE;
import static dev.rebound.proto.v1.FindingCategory.FINDING_CATEGORY_DEMANDING;
import static dev.rebound.proto.v1.FindingCategory.FINDING_CATEGORY_GUILT_TRIPPING;
import static dev.rebound.proto.v1.FindingCategory.FINDING_CATEGORY_HOSTILE;
import static dev.rebound.proto.v1.FindingCategory.FINDING_CATEGORY_IMPOLITE_TONE;
import static dev.rebound.proto.v1.FindingCategory.FINDING_CATEGORY_PASSIVE_AGGRESSIVE;
import static dev.rebound.proto.v1.FindingCategory.FINDING_CATEGORY_PLACEHOLDER;
import static dev.rebound.proto.v1.FindingCategory.FINDING_CATEGORY_SARCASTIC;
import static dev.rebound.proto.v1.FindingCategory.FINDING_CATEGORY_SELF_DEPRECATING;
import static dev.rebound.proto.v1.FindingCategory.FINDING_CATEGORY_SHOUTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.rebound.proto.v1.FindingCategory;
import dev.rebound.proto.v1.Practice;
import dev.rebound.proto.v1.Severity;
import dev.rebound.proto.v1.Verdict;
import dev.rebound.reply.domain.ReplyComposer;
import dev.rebound.reply.domain.SendWindowPlanner;
import dev.rebound.reply.domain.analysis.LanguageIdentifier;
import dev.rebound.reply.tools.CandidateReplies;

class DraftReviewerTest {

    static final SendWindowPlanner PLANNER = new SendWindowPlanner(Duration.ofHours(24), Duration.ofHours(48));
    static final Instant NOW = Instant.parse("2026-11-18T12:00:00Z");
    static DraftReviewer reviewer;

    @BeforeAll
    static void load() {
        reviewer = new DraftReviewer(new LanguageIdentifier(), PLANNER);
    }

    static DraftReview review(String draft, String language) {
        return reviewer.review(new DraftReviewRequest(draft, Optional.of(language), false, Optional.empty(), NOW));
    }

    static Stream<Arguments> offendingSpans() {
        return Stream.of(
                Arguments.of("en", "Thank you. Honestly your interviewers were unprofessional.", FINDING_CATEGORY_HOSTILE, "unprofessional"),
                Arguments.of("en", "Thanks for the update. As I said, I have the skills.", FINDING_CATEGORY_PASSIVE_AGGRESSIVE, "As I said"),
                Arguments.of("en", "I understand things come up, but a week is long.", FINDING_CATEGORY_PASSIVE_AGGRESSIVE, "I understand things come up, but"),
                Arguments.of("en", "Thanks. I strongly disagree with this outcome.", FINDING_CATEGORY_DEFENSIVE, "I strongly disagree"),
                Arguments.of("en", "Please reconsider your decision by Friday.", FINDING_CATEGORY_DEMANDING, "Please reconsider your decision"),
                Arguments.of("en", "Well, thanks for nothing.", FINDING_CATEGORY_SARCASTIC, "thanks for nothing"),
                Arguments.of("en", "I really need this job, so please think again.", FINDING_CATEGORY_BEGGING, "I really need this job"),
                Arguments.of("en", "After everything I put in, this hurts.", FINDING_CATEGORY_GUILT_TRIPPING, "After everything I put in"),
                Arguments.of("en", "Sorry, I completely bombed the interview.", FINDING_CATEGORY_SELF_DEPRECATING, "I completely bombed the interview"),
                Arguments.of("en", "Hi, just checking in on the role.", FINDING_CATEGORY_BANNED_PHRASE, "just checking in"),
                Arguments.of("en", "Hi there, touching base again.", FINDING_CATEGORY_BANNED_PHRASE, "touching base"),
                Arguments.of("en", "Circling back on my application.", FINDING_CATEGORY_BANNED_PHRASE, "Circling back"),
                Arguments.of("en", "Dear [Hiring Manager], thank you.", FINDING_CATEGORY_PLACEHOLDER, "[Hiring Manager]"),
                // a bare "Your Name" counts only as a signature line of its own: "I misspelled your name" is no placeholder
                Arguments.of("en", "Thank you for the update.\n\nBest regards,\nYour Name", FINDING_CATEGORY_PLACEHOLDER, "Your Name"),
                Arguments.of("de", "Vielen Dank für die Nachricht.\n\nViele Grüße\nIhr Name\n", FINDING_CATEGORY_PLACEHOLDER, "Ihr Name"),
                Arguments.of("fr", "Merci pour votre message.\n\nCordialement,\nVotre nom", FINDING_CATEGORY_PLACEHOLDER, "Votre nom"),
                Arguments.of("en", "Dear Company Name team, thank you.", FINDING_CATEGORY_PLACEHOLDER, "Company Name"),
                Arguments.of("en", "Thank you, INSERT NAME HERE.", FINDING_CATEGORY_PLACEHOLDER, "INSERT NAME HERE"),
                Arguments.of("en", "🙂 This is NOT FAIR AT ALL.", FINDING_CATEGORY_SHOUTING, "NOT FAIR AT ALL"),
                Arguments.of("en", "Thank you for the update!!!", FINDING_CATEGORY_SHOUTING, "!!!"),
                Arguments.of("de", "Danke. Ihre Gesprächsführung war unprofessionell.", FINDING_CATEGORY_HOSTILE, "unprofessionell"),
                Arguments.of("de", "Wie ich bereits gesagt habe, kann ich das.", FINDING_CATEGORY_PASSIVE_AGGRESSIVE, "Wie ich bereits gesagt"),
                Arguments.of("de", "Ihre Entscheidung ist falsch.", FINDING_CATEGORY_DEFENSIVE, "Ihre Entscheidung ist falsch"),
                Arguments.of("de", "Bitte überdenken Sie Ihre Entscheidung.", FINDING_CATEGORY_DEMANDING, "überdenken Sie Ihre Entscheidung"),
                Arguments.of("de", "Na dann, danke für nichts.", FINDING_CATEGORY_SARCASTIC, "danke für nichts"),
                Arguments.of("de", "Geben Sie mir noch eine letzte Chance.", FINDING_CATEGORY_BEGGING, "noch eine letzte Chance"),
                Arguments.of("de", "Ich habe andere Angebote abgelehnt.", FINDING_CATEGORY_GUILT_TRIPPING, "Ich habe andere Angebote abgelehnt"),
                Arguments.of("de", "Ich habe das Gespräch total vermasselt.", FINDING_CATEGORY_SELF_DEPRECATING, "Ich habe das Gespräch total vermasselt"),
                Arguments.of("de", "Ich wollte nur kurz nachhaken.", FINDING_CATEGORY_BANNED_PHRASE, "Ich wollte nur kurz nachhaken"),
                Arguments.of("de", "Sehr geehrte/r [Name], vielen Dank.", FINDING_CATEGORY_PLACEHOLDER, "[Name]"),
                Arguments.of("de", "Das ist NICHT FAIR GEWESEN.", FINDING_CATEGORY_SHOUTING, "NICHT FAIR GEWESEN"),
                Arguments.of("fr", "Merci. Vos recruteurs sont incompétents.", FINDING_CATEGORY_HOSTILE, "incompétents"),
                Arguments.of("fr", "Comme je l'ai déjà dit, je maîtrise Java.", FINDING_CATEGORY_PASSIVE_AGGRESSIVE, "Comme je l'ai déjà dit"),
                Arguments.of("fr", "Je ne suis pas d'accord avec ce choix.", FINDING_CATEGORY_DEFENSIVE, "Je ne suis pas d'accord"),
                Arguments.of("fr", "Expliquez-moi pourquoi, s'il vous plaît.", FINDING_CATEGORY_DEMANDING, "Expliquez-moi pourquoi"),
                Arguments.of("fr", "Eh bien, merci pour rien.", FINDING_CATEGORY_SARCASTIC, "merci pour rien"),
                Arguments.of("fr", "Je vous en supplie, rappelez-moi.", FINDING_CATEGORY_BEGGING, "Je vous en supplie"),
                Arguments.of("fr", "Après tout ce que j'ai fait pour ce poste.", FINDING_CATEGORY_GUILT_TRIPPING, "Après tout ce que j'ai fait"),
                Arguments.of("fr", "Je savais que je n'étais pas à la hauteur.", FINDING_CATEGORY_SELF_DEPRECATING, "Je savais que je n'étais pas à la hauteur"),
                Arguments.of("fr", "Je me permets de vous relancer.", FINDING_CATEGORY_BANNED_PHRASE, "Je me permets de vous relancer"),
                Arguments.of("fr", "Bonjour {prénom}, merci.", FINDING_CATEGORY_PLACEHOLDER, "{prénom}"),
                Arguments.of("fr", "C'est VRAIMENT TRÈS DÉCEVANT.", FINDING_CATEGORY_SHOUTING, "VRAIMENT TRÈS DÉCEVANT"),
                Arguments.of("en", "Your recruiter never responded to my emails.", FINDING_CATEGORY_PASSIVE_AGGRESSIVE, "never responded"),
                Arguments.of("en", "I think you've made the wrong call.", FINDING_CATEGORY_DEFENSIVE, "made the wrong call"),
                Arguments.of("de", "Das war die falsche Entscheidung.", FINDING_CATEGORY_DEFENSIVE, "falsche Entscheidung"),
                Arguments.of("de", "Sie haben sich nie gemeldet.", FINDING_CATEGORY_PASSIVE_AGGRESSIVE, "haben sich nie gemeldet"),
                Arguments.of("de", "Ich verstehe ja, dass mal etwas dazwischenkommt, aber fünf Wochen sind lang.", FINDING_CATEGORY_PASSIVE_AGGRESSIVE,
                        "Ich verstehe ja, dass mal etwas dazwischenkommt, aber"),
                Arguments.of("fr", "Je comprends que des imprévus arrivent, mais cinq semaines, c'est long.", FINDING_CATEGORY_PASSIVE_AGGRESSIVE,
                        "Je comprends que des imprévus arrivent, mais"),
                Arguments.of("fr", "C'est une mauvaise décision.", FINDING_CATEGORY_DEFENSIVE, "mauvaise décision"),
                Arguments.of("fr", "J'attends une explication.", FINDING_CATEGORY_DEMANDING, "J'attends une explication"),
                Arguments.of("en", "Thanks for the update. Send me the interview notes.", FINDING_CATEGORY_DEMANDING, "Send me"),
                Arguments.of("en", "Thanks. Communication was poor from start to finish.", FINDING_CATEGORY_HOSTILE, "Communication was poor"),
                Arguments.of("de", "Hallo Frau Lange,\n\nsieben Wochen für eine einzeilige Absage.\n\nMila", FINDING_CATEGORY_IMPOLITE_TONE,
                        "sieben Wochen für eine einzeilige Absage."),
                Arguments.of("fr", "Bonjour Nina,\n\neh bien, c'était une journée de congé gâchée.\n\nChris", FINDING_CATEGORY_IMPOLITE_TONE,
                        "eh bien, c'était une journée de congé gâchée."));
    }

    @Test
    void aListOfAcronymsIsNotShouting() {
        DraftReview review = review("Thanks for letting me know. I'm certified in AWS, GCP, SQL, and ITIL, so please keep me in mind.", "en");
        assertEquals(List.of(), review.findings().stream().filter(f -> f.category() == FINDING_CATEGORY_SHOUTING).toList());
    }

    @ParameterizedTest(name = "{0}: {2} in \"{1}\"")
    @MethodSource("offendingSpans")
    void findsTheOffendingSpanExactly(String language, String draft, FindingCategory category, String excerpt) {
        DraftReview review = review(draft, language);
        int charStart = draft.indexOf(excerpt);
        int start = draft.codePointCount(0, charStart);
        int end = start + excerpt.codePointCount(0, excerpt.length());
        List<Finding> found = review.findings().stream().filter(f -> f.category() == category).toList();
        assertEquals(1, found.size(), review.findings().toString());
        Finding finding = found.get(0);
        assertEquals(start, finding.start(), finding.toString());
        assertEquals(end, finding.end(), finding.toString());
        assertEquals(excerpt, finding.excerpt());
        assertFalse(finding.explanation().isBlank());
        assertTrue(review.verdict() != Verdict.VERDICT_READY || finding.severity() == Severity.SEVERITY_LOW, review.toString());
    }

    static Stream<Arguments> twoWordThanks() {
        return Stream.of(Arguments.of("en", "Thank you. "), Arguments.of("de", "Vielen Dank. "), Arguments.of("fr", "Merci beaucoup. "));
    }

    static Stream<Arguments> shortProfessionalReplies() {
        return Stream.of(
                Arguments.of("en", "Thank you for letting me know. Best regards, Ada"),
                Arguments.of("de", "Vielen Dank für Ihre Nachricht. Viele Grüße, Ada"),
                Arguments.of("fr", "Merci pour votre message. Cordialement, Ada"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoWordThanks")
    void reportsTheWordsPastTheLimitAsTooLong(String language, String thanks) {
        String draft = thanks + "word ".repeat(160).strip();
        Finding tooLong = review(draft, language).findings().stream()
                .filter(f -> f.category() == FindingCategory.FINDING_CATEGORY_TOO_LONG).findFirst().orElseThrow();
        // the thanks is two words: the span starts at the 149th "word", word 151 of the draft
        assertEquals(thanks.length() + 148 * "word ".length(), tooLong.start());
        assertEquals(draft.length(), tooLong.end());
        assertEquals(Severity.SEVERITY_LOW, tooLong.severity());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shortProfessionalReplies")
    void checksTheTimingAgainstTheCoolDown(String language, String draft) {
        Instant received = Instant.parse("2026-11-17T10:00:00Z");
        DraftReview soon = reviewer.review(new DraftReviewRequest(draft, Optional.of(language), false, Optional.of(received),
                received.plus(Duration.ofHours(3))));
        assertEquals(List.of(FindingCategory.FINDING_CATEGORY_SENT_TOO_SOON), soon.findings().stream().map(Finding::category).toList());
        assertEquals(Verdict.VERDICT_REVISE, soon.verdict());
        DraftReview late = reviewer.review(new DraftReviewRequest(draft, Optional.of(language), false, Optional.of(received),
                received.plus(Duration.ofDays(6))));
        assertEquals(List.of(FindingCategory.FINDING_CATEGORY_SENT_TOO_LATE), late.findings().stream().map(Finding::category).toList());
        DraftReview onTime = reviewer.review(new DraftReviewRequest(draft, Optional.of(language), false, Optional.of(received),
                received.plus(Duration.ofHours(30))));
        assertEquals(List.of(), onTime.findings());
    }

    /** Sent too soon is no reason to leave the complaint in a draft unnamed, nor to read a professional one as a complaint. */
    @Test
    void aDraftSentTooSoonIsStillReviewedForItsTone() {
        String draft = "Hi Tom,\n\nI got your email. Your choice, not mine.\n\nSam";
        Instant received = Instant.parse("2026-11-17T10:00:00Z");
        DraftReview soon = reviewer.review(new DraftReviewRequest(draft, Optional.of("en"), false, Optional.of(received),
                received.plus(Duration.ofHours(1))));
        assertEquals(Verdict.VERDICT_REVISE, soon.verdict());
        assertTrue(soon.findings().stream().anyMatch(f -> f.category() == FindingCategory.FINDING_CATEGORY_SENT_TOO_SOON), soon.findings().toString());
        assertTrue(soon.findings().stream().anyMatch(f -> f.category() == FINDING_CATEGORY_IMPOLITE_TONE && f.excerpt().equals("Your choice, not mine.")),
                soon.findings().toString());
        String professional = "Hi Tom,\n\nThank you for letting me know. I am disappointed, of course. I enjoyed meeting the team "
                + "and hope to stay in touch.\n\nBest,\nSam";
        DraftReview professionalSoon = reviewer.review(new DraftReviewRequest(professional, Optional.of("en"), false, Optional.of(received),
                received.plus(Duration.ofHours(1))));
        assertEquals(List.of(FindingCategory.FINDING_CATEGORY_SENT_TOO_SOON), professionalSoon.findings().stream().map(Finding::category).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, Okay. Noted.", "de, Okay. Notiert.", "fr, D'accord. Noté."})
    void reportsMissingPracticesButNotAFeedbackRequestTheEmployerDeclined(String language, String draft) {
        DraftReview bare = review(draft, language);
        assertEquals(List.of(Practice.PRACTICE_THANKS, Practice.PRACTICE_FEEDBACK_REQUEST, Practice.PRACTICE_DOOR_OPEN,
                Practice.PRACTICE_CLOSING, Practice.PRACTICE_SPECIFIC_POSITIVE).stream().sorted().toList(),
                bare.missingPractices().keySet().stream().sorted().toList());
        DraftReview declined = reviewer.review(new DraftReviewRequest(draft, Optional.of(language), true, Optional.empty(), NOW));
        assertFalse(declined.missingPractices().containsKey(Practice.PRACTICE_FEEDBACK_REQUEST));
    }

    static Stream<Arguments> repliesAboveAQuotedRejection() {
        String rejection = "Thank you for your interest and for the time you gave us. We were impressed, we will keep your details on file "
                .repeat(12);
        return Stream.of(
                Arguments.of("en", "Hi Jane,\n\nThank you for letting me know. I enjoyed meeting the team. Please keep me in mind for future roles.\n\nBest,\nSam",
                        "Hi Jane,\n\nThis process was a joke.\n\nSam", "This process was a joke",
                        "\n\nOn Mon, Nov 3, 2026 at 10:12 AM Jane Doe <jane@acme.com> wrote:\n> " + rejection),
                Arguments.of("de", "Hallo Frau Doe,\n\nvielen Dank für Ihre Nachricht. Das Gespräch mit Ihrem Team hat mir gefallen. Ich würde mich freuen, bei künftigen Stellen berücksichtigt zu werden.\n\nViele Grüße\nSam",
                        "Hallo Frau Doe,\n\nDanke für nichts.\n\nSam", "Danke für nichts",
                        "\n\nVon: Jane Doe <jane@acme.com>\nGesendet: Montag, 3. November 2026 10:12\nAn: Sam\n\n" + rejection),
                Arguments.of("fr", "Bonjour Madame Doe,\n\nmerci pour votre message. J'ai apprécié l'échange avec votre équipe. Je serais ravi d'être recontacté pour un futur poste.\n\nCordialement,\nSam",
                        "Bonjour Madame Doe,\n\ntant pis pour vous.\n\nSam", "tant pis pour vous",
                        "\n\nLe lun. 3 nov. 2026 à 10:12, Jane Doe <jane@acme.com> a écrit :\n> " + rejection));
    }

    /** Replies often carry the message they answer below them: the review reads the candidate's own words only. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("repliesAboveAQuotedRejection")
    void aMessageQuotedBelowTheReplyIsNotReviewed(String language, String professional, String harmful, String offending, String quote) {
        DraftReview alone = review(professional, language);
        DraftReview quoted = review(professional + quote, language);
        assertEquals(Verdict.VERDICT_READY, quoted.verdict(), quoted.toString());
        assertEquals(alone.wordCount(), quoted.wordCount());
        assertEquals(alone.missingPractices().keySet(), quoted.missingPractices().keySet());
        assertEquals(alone.politeness(), quoted.politeness());

        List<Finding> spans = review(harmful + quote, language).findings();
        assertEquals(review(harmful, language).findings(), spans);
        int start = harmful.indexOf(offending);
        assertTrue(spans.stream().anyMatch(f -> f.start() == start && f.end() == start + offending.length()), spans.toString());
    }

    @Test
    void hostileDraftsAreNotToBeSent() {
        DraftReview review = review("Your process is a joke of a process and your recruiters are idiots.", "en");
        assertEquals(Verdict.VERDICT_DO_NOT_SEND, review.verdict());
        assertTrue(review.politeness() < 0.5, String.valueOf(review.politeness()));
    }

    @Test
    void pointsOutTheHarmfulSentencesWhenNoRuleExplainsAnImpoliteDraft() {
        String draft = "Hi Tom,\n\nI got your email. Your choice, not mine.\n\nSam";
        DraftReview review = review(draft, "en");
        assertTrue(review.findings().stream().allMatch(f -> f.category() == FINDING_CATEGORY_IMPOLITE_TONE), review.findings().toString());
        assertEquals(Verdict.VERDICT_REVISE, review.verdict());
        Finding tone = review.findings().stream()
                .filter(f -> f.excerpt().equals("Your choice, not mine.")).findFirst().orElseThrow(() -> new AssertionError(review.findings()));
        assertEquals(draft.indexOf("Your choice"), tone.start());
        assertEquals(draft.indexOf("\n\nSam"), tone.end());
    }

    /** The politeness model scores plain statements low; that alone does not send a reply back. */
    @Test
    void aPlainProfessionalStatementThatScoresLowOnPolitenessIsReady() {
        DraftReview review = review("I hope our paths cross again.", "en");
        assertTrue(review.politeness() >= DraftReviewer.TONE_CHECK_BELOW && review.politeness() < 0.6, String.valueOf(review.politeness()));
        assertEquals(Verdict.VERDICT_READY, review.verdict(), review.findings().toString());
    }

    /** A sentence doing nothing a good reply does is pointed out at a lower harm score than one that thanks or keeps the door open. */
    @Test
    void aSentenceServingNoPracticeNeedsLessHarmToBePointedOut() {
        ReviewRules english = ReviewRules.forLanguage("en");
        double between = (DraftReviewer.OFF_PRACTICE_SENTENCE_HARMFUL_FROM + DraftReviewer.SENTENCE_HARMFUL_FROM) / 2;
        String offPractice = "I had expected rather more after three rounds.";
        String thanks = "Thank you so much for the three rounds of interviews.";
        assertFalse(english.servesAPractice(offPractice));
        assertTrue(english.servesAPractice(thanks));
        assertTrue(DraftReviewer.readsHarmful(thanks + " " + offPractice, false, text -> text.equals(offPractice) ? between : 0.1,
                english::servesAPractice));
        assertFalse(DraftReviewer.readsHarmful(thanks + " " + offPractice, false, text -> text.equals(thanks) ? between : 0.1,
                english::servesAPractice));
    }

    /** Accepting the decision (or its feedback) graciously counts like a practice of a good reply, unless a "but" follows: such a sentence needs more to read as a complaint. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en|I know it must have been a difficult decision.|I know it was a long process.",
            "de|Ich verstehe Ihre Entscheidung natürlich.|Ich weiß, es war ein langer Prozess.",
            "fr|Je comprends tout à fait votre décision.|Je sais que le processus a été long.",
            "en|I can see why an internal candidate made sense.|I can see an internal candidate was hired.",
            "de|Ich kann gut verstehen, dass eine interne Besetzung sinnvoll war.|Ich sehe, dass intern besetzt wurde.",
            "fr|Je comprends pourquoi un profil interne a été choisi.|Je vois qu'un profil interne a été choisi.",
            "en|I take the point that my presentation ran long.|My presentation ran long.",
            "de|Den Hinweis zur Präsentation nehme ich mir zu Herzen.|Die Präsentation war zu lang.",
            "fr|Je retiens que ma présentation était trop longue.|Ma présentation était trop longue.",
            "en|Next time I'll leave more room for questions.|Next time I'll know better.",
            "de|Beim nächsten Mal plane ich mehr Zeit für Fragen ein.|Beim nächsten Mal war es zu spät.",
            "fr|La prochaine fois, je laisserai plus de place aux questions.|La prochaine fois, c'est sans moi.",
            "en|You're right that I rushed the design part.|I rushed the design part.",
            "de|Der Punkt mit den messbaren Ergebnissen ist berechtigt.|Der Punkt mit den messbaren Ergebnissen ist nicht berechtigt.",
            "fr|La remarque sur les résultats chiffrés est juste.|La remarque sur les résultats chiffrés n'est pas juste.",
            "en|I'll take the comments on board.|I'll take the comments on board, although I doubt the panel read my CV.",
            "de|Ich verstehe Ihre Entscheidung.|Ich verstehe Ihre Entscheidung, aber ich hätte gern eine Begründung.",
            "fr|Je comprends votre décision.|Je comprends votre décision, mais j'attends une explication."})
    void acceptingTheDecisionGraciouslyCountsAsAPractice(String language, String gracious, String plain) {
        ReviewRules rules = ReviewRules.forLanguage(language);
        assertTrue(rules.servesAPractice(gracious));
        assertFalse(rules.servesAPractice(plain));
    }

    /** Wordings of what the English rules have long named, in German and French, and of the commonest angry replies, each found as its category with its words. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "de|Könnten Sie mir bitte meine Platzierung schicken?|DEMANDING|Platzierung schicken",
            "de|Ich möchte darauf hinweisen, dass ich alle Anforderungen erfülle.|DEFENSIVE|Ich möchte darauf hinweisen, dass ich alle",
            "de|Was hatte der andere Bewerber, was ich nicht habe?|DEMANDING|Was hatte der andere Bewerber",
            "de|Erklären Sie mir bitte genau, warum ich abgelehnt wurde.|DEMANDING|Erklären Sie mir bitte genau, warum",
            "de|Ich möchte gegen die Entscheidung Einspruch einlegen.|DEMANDING|Einspruch einlegen",
            "de|Ich möchte meine Enttäuschung zum Ausdruck bringen.|PASSIVE_AGGRESSIVE|meine Enttäuschung zum Ausdruck bringen",
            "de|Sie haben meinen Lebenslauf nicht einmal gelesen.|PASSIVE_AGGRESSIVE|nicht einmal gelesen",
            "de|Hat sich überhaupt jemand meine Unterlagen angesehen?|PASSIVE_AGGRESSIVE|Hat sich überhaupt jemand",
            "de|Ich glaube, Sie haben meine Erfahrung unterschätzt.|DEFENSIVE|Ich glaube, Sie haben meine Erfahrung unterschätzt",
            "de|Ich nehme wirklich alles.|BEGGING|Ich nehme wirklich alles",
            "fr|Pourriez-vous m'envoyer mon classement ?|DEMANDING|envoyer mon classement",
            "fr|Qu'avait l'autre candidat que je n'ai pas ?|DEMANDING|Qu'avait l'autre candidat",
            "fr|Je souhaite faire appel de cette décision.|DEMANDING|faire appel de cette décision",
            "fr|Je tiens à vous faire part de ma déception.|PASSIVE_AGGRESSIVE|faire part de ma déception",
            "fr|Vous n'avez même pas lu mon CV.|PASSIVE_AGGRESSIVE|n'avez même pas lu",
            "fr|Vous auriez pu me le dire plus tôt.|PASSIVE_AGGRESSIVE|Vous auriez pu me le dire",
            "fr|Je ne suis sans doute pas assez bon.|SELF_DEPRECATING|Je ne suis sans doute pas assez bon",
            "fr|Je prendrai n'importe quoi.|BEGGING|Je prendrai n'importe quoi",
            "de|Der Interviewer wirkte völlig desinteressiert.|HOSTILE|Interviewer wirkte völlig desinteressiert",
            "de|Ich erfülle alle Anforderungen der Ausschreibung.|DEFENSIVE|Ich erfülle alle Anforderungen",
            "de|Warum haben Sie sich überhaupt die Mühe gemacht?|PASSIVE_AGGRESSIVE|Warum haben Sie sich überhaupt die Mühe gemacht",
            "de|Ich hätte mich gar nicht erst bewerben sollen.|SELF_DEPRECATING|Ich hätte mich gar nicht erst bewerben sollen",
            "de|Glückwunsch, dass Sie jemand Besseren gefunden haben.|SARCASTIC|Glückwunsch, dass Sie jemand Besseren",
            "fr|L'intervieweur semblait complètement désintéressé.|HOSTILE|L'intervieweur semblait complètement désintéressé",
            "fr|La décision était prise d'avance.|PASSIVE_AGGRESSIVE|La décision était prise d'avance",
            "fr|J'ai du mal à croire que vous ayez décidé cela.|DEFENSIVE|J'ai du mal à croire que vous",
            "fr|Envoyez-moi la grille d'évaluation.|DEMANDING|Envoyez-moi la grille",
            "fr|Félicitations d'avoir trouvé quelqu'un de mieux.|SARCASTIC|Félicitations d'avoir trouvé quelqu'un de mieux",
            "de|Ich bin stinksauer.|HOSTILE|Ich bin stinksauer",
            "de|Ihr werdet das noch bereuen.|HOSTILE|Ihr werdet das noch bereuen",
            "de|Ich habe ein Recht darauf zu erfahren, warum.|DEMANDING|Ich habe ein Recht darauf",
            "de|Typisch.|PASSIVE_AGGRESSIVE|Typisch.",
            "de|Wie soll ich jetzt meine Familie ernähren?|BEGGING|Wie soll ich jetzt meine Familie",
            "fr|C'est une honte.|HOSTILE|C'est une honte",
            "fr|Je vais porter plainte.|HOSTILE|Je vais porter plainte",
            "fr|J'ai le droit de savoir pourquoi.|DEMANDING|J'ai le droit de savoir",
            "fr|Typique.|PASSIVE_AGGRESSIVE|Typique.",
            "fr|Je suis un cas désespéré.|SELF_DEPRECATING|un cas désespéré",
            "en|This is outrageous.|HOSTILE|This is outrageous",
            "en|You rejected me because of my age.|HOSTILE|because of my age",
            "en|I have a right to know why.|DEMANDING|I have a right to know",
            "en|Why are you only getting back to me now?|PASSIVE_AGGRESSIVE|Why are you only getting back to me now",
            "en|How am I supposed to feed my family now?|BEGGING|How am I supposed to feed my family",
            "de|Tolle Idee übrigens, die Probeaufgabe unbezahlt machen zu lassen.|SARCASTIC|Tolle Idee übrigens, die Probeaufgabe unbezahlt",
            "fr|Belle idée, au passage, de faire réaliser un cas pratique gratuitement.|SARCASTIC|Belle idée, au passage, de faire réaliser un cas pratique gratuitement",
            "en|Great idea, by the way, to have candidates work for free.|SARCASTIC|Great idea, by the way, to have candidates work for free",
            "en|I doubt anyone on the panel has managed teams at my level.|DEFENSIVE|I doubt anyone on the panel has managed teams at my level",
            "en|Next time I'll apply somewhere that actually reads CVs.|PASSIVE_AGGRESSIVE|apply somewhere that actually",
            "de|Beim nächsten Mal bewerbe ich mich lieber bei einer Firma, die Lebensläufe auch liest.|PASSIVE_AGGRESSIVE|bewerbe ich mich lieber bei einer Firma, die Lebensläufe auch",
            "fr|La prochaine fois, je postulerai plutôt dans une entreprise qui lit les CV.|PASSIVE_AGGRESSIVE|je postulerai plutôt dans une entreprise qui",
            "fr|Pour la prochaine boîte, je parlerai comme à la maternelle.|SARCASTIC|comme à la maternelle",
            "de|Besonders gerührt hat mich mein falsch geschriebener Vorname.|PASSIVE_AGGRESSIVE|mein falsch geschriebener Vorname",
            "fr|J'ai été très touchée par la mention de mon prénom, mal orthographié.|PASSIVE_AGGRESSIVE|mon prénom, mal orthographié",
            "en|You even misspelled my name.|PASSIVE_AGGRESSIVE|misspelled my name",
            "de|Die Zugfahrt war immerhin schön.|SARCASTIC|Zugfahrt war immerhin schön",
            "fr|Le TGV était très agréable, au moins.|SARCASTIC|Le TGV était très agréable, au moins",
            "en|At least the train ride was nice.|SARCASTIC|At least the train ride was nice",
            "fr|On sent l'investissement.|SARCASTIC|On sent l'investissement.",
            "de|Man merkt den Aufwand.|SARCASTIC|Man merkt den Aufwand.",
            "fr|Je vous laisse à vos certitudes.|SARCASTIC|Je vous laisse à vos certitudes",
            "de|Ich lasse Sie mal mit Ihren Gewissheiten allein.|SARCASTIC|lasse Sie mal mit Ihren Gewissheiten",
            "en|I'll leave you to your certainties.|SARCASTIC|I'll leave you to your certainties",
            "de|Kein Feedback. Echt schwach.|HOSTILE|Echt schwach.",
            "de|Okay, euer Verlust.|HOSTILE|euer Verlust.",
            "fr|Pas de retour. Franchement nul.|HOSTILE|Franchement nul."})
    void commonWordingsAreFoundAsTheirCategory(String language, String draft, String category, String excerpt) {
        FindingCategory expected = FindingCategory.valueOf("FINDING_CATEGORY_" + category);
        List<Finding> found = reviewer.ruleFindings(draft, language).stream().filter(f -> f.category() == expected).toList();
        assertTrue(found.stream().anyMatch(f -> f.excerpt().equals(excerpt)), found.toString());
    }

    /** Words near those rules in a friendly reply stay unflagged. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "de|Sie können mich gerne jederzeit anrufen.",
            "de|Ich würde gern mit so einer Firma arbeiten.",
            "de|Ich möchte darauf hinweisen, dass ich ab März verfügbar bin.",
            "de|Ich würde mich über eine kurze Bewertung meiner Präsentation freuen, wenn Sie sie mir schicken könnten.",
            "de|Ich kann kaum glauben, dass ich es bis in die letzte Runde geschafft habe.",
            "fr|J'aimerais travailler dans une boîte pareille.",
            "fr|Merci Julien, c'est noté.",
            "fr|Merci pour ces explications, ça explique beaucoup de choses.",
            "en|I'm heartbroken, but I understand.",
            "en|I was devastated at first, but I've learned a lot.",
            "en|I'm devastated, to be honest, as this was my dream company, but I'm grateful for the chance to interview.",
            "de|Ich hatte auf ein zweites Gespräch gehofft, aber ich verstehe, dass sich Pläne ändern.",
            "fr|J'espérais un second entretien, mais je comprends que les plans changent.",
            "fr|Honnêtement, je suis effondrée, car c'était l'entreprise de mes rêves, mais je suis reconnaissante de l'opportunité.",
            "de|Ich bin am Boden zerstört, aber ich danke Ihnen für die Chance.",
            "de|Tolle Idee übrigens, die Fragen vorab zu schicken.",
            "fr|Belle idée, au passage, de faire visiter les bureaux.",
            "en|Great idea, by the way, to share the questions in advance.",
            "en|Thank you for passing on the panel's comments.",
            "en|I doubt anyone would disagree that the role suits a specialist.",
            "en|Sorry, I misspelled your name in my last email.",
            "de|Ich habe Ihren Namen in der letzten Mail falsch geschrieben, entschuldigen Sie.",
            "fr|Désolée d'avoir mal orthographié votre nom.",
            "fr|On sent l'investissement de toute l'équipe dans ce projet.",
            "de|Die Anreise war angenehm, danke für die Organisation.",
            "en|Sorry, I forgot to insert the link to my portfolio.",
            "en|I love your company name, by the way.",
            "fr|J'ai oublié d'insérer le lien vers mon portfolio.",
            "fr|J'adore le nom de l'entreprise.",
            "de|Ihr Firmenname gefällt mir.",
            "de|Meine Präsentation war echt schwach am Anfang, das weiß ich.",
            "fr|Mon anglais était franchement nul à l'époque, j'ai beaucoup progressé.",
            "en|Here is [my portfolio](https://example.com) in case it helps.",
            "en|You said the role was 'fully remote [sic]', as noted in [1].",
            "fr|Voici [mon portfolio](https://exemple.fr), si cela peut aider."})
    void friendlyWordsNearThoseRulesStayUnflagged(String language, String sentence) {
        assertEquals(List.of(), reviewer.ruleFindings(sentence, language));
    }

    /** Turning down another offer is a reproach, unless the writer owns the choice in the same sentence. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en|I turned down another offer for this role.|I had turned down another offer while waiting, but that was my choice.",
            "de|Ich habe ein anderes Angebot abgelehnt.|Ich hatte ein anderes Angebot abgelehnt, aber das war meine Entscheidung.",
            "fr|J'ai refusé une autre offre pour ce poste.|J'ai refusé une autre offre, mais c'était mon choix."})
    void anOfferTurnedDownIsGuiltTrippingUnlessTheWriterOwnsTheChoice(String language, String reproach, String owned) {
        assertTrue(reviewer.ruleFindings(reproach, language).stream().anyMatch(f -> f.category() == FINDING_CATEGORY_GUILT_TRIPPING), reproach);
        assertTrue(reviewer.ruleFindings(owned, language).stream().noneMatch(f -> f.category() == FINDING_CATEGORY_GUILT_TRIPPING), owned);
    }

    /** A reply can hold more than one complaint: in a flagged draft each sentence from the pointing bar on is pointed out, in draft order. */
    @Test
    void everySentenceFromThePointingBarIsPointedOut() {
        String thanks = "Thank you for letting me know.";
        String first = "The whole process dragged on for two months.";
        String second = "Nobody looked at my case study properly.";
        assertEquals(List.of(first, second), pointed(List.of(thanks, first, second),
                Map.of(thanks, DraftReviewer.POINTED_FROM - 0.01, first, DraftReviewer.POINTED_FROM, second, DraftReviewer.POINTED_FROM)));
    }

    /** The sentences pointed out in a draft of these sentences, each scoring its given harm (0 if none given). */
    private static List<String> pointed(List<String> sentences, Map<String, Double> harm) {
        return DraftReviewer.pointedSentences(String.join(" ", sentences), text -> harm.getOrDefault(text, 0.0)).stream()
                .map(DraftReviewer.Sentence::text).toList();
    }

    /** Greetings, sign-offs and a name line are no sentences; a short complaint in lower case after a capital is. */
    @Test
    void aShortComplaintIsASentenceButANameLineIsNot() {
        List<String> sentences = DraftReviewer.sentences("Hallo Lisa,\n\nEcht schwach.\n\nLG\nFelix Braun").stream()
                .map(DraftReviewer.Sentence::text).toList();
        assertEquals(List.of("Echt schwach."), sentences);
    }

    /** A sentence of fewer than four words needs the higher short bar to be pointed out. */
    @Test
    void aShortSentenceIsPointedOutFromTheShortBar() {
        String shortComplaint = "Really poor.";
        String shortKind = "Good luck.";
        assertEquals(List.of(shortComplaint), pointed(List.of("Thanks for the update.", shortComplaint, shortKind),
                Map.of(shortComplaint, DraftReviewer.SHORT_POINTED_FROM, shortKind, DraftReviewer.SHORT_POINTED_FROM - 0.01)));
    }

    /**
     * A rule that explains the verdict does not hide another complaint the reply-tone model finds in a
     * sentence of its own, nor the rest of a harmful sentence the rule names only a part of.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("complaintsBesideRuleFindings")
    void aComplaintNoRuleNamesIsPointedOutBesideARuleFinding(String draft, String ruleExcerpt, String complaint) {
        DraftReview review = review(draft, "en");
        assertNotEquals(Verdict.VERDICT_READY, review.verdict(), review.findings().toString());
        assertTrue(review.findings().stream().anyMatch(f -> f.category() != FINDING_CATEGORY_IMPOLITE_TONE && f.excerpt().equals(ruleExcerpt)),
                review.findings().toString());
        Finding tone = review.findings().stream().filter(f -> f.category() == FINDING_CATEGORY_IMPOLITE_TONE).findFirst().orElseThrow();
        assertEquals(complaint, tone.excerpt());
        assertEquals(draft.indexOf(complaint), tone.start());
    }

    static Stream<Arguments> complaintsBesideRuleFindings() {
        String late = "your interviewers were twenty minutes late and clearly had not prepared at all.";
        return Stream.of(
                Arguments.of("Hi Chris,\n\nThanks for nothing. Y" + late.substring(1) + "\n\nRob", "Thanks for nothing", "Y" + late.substring(1)),
                Arguments.of("Hi Chris,\n\nThank you for letting me know. With all due respect, " + late + "\n\nRob", "With all due respect, ",
                        "With all due respect, " + late));
    }

    /** Every reply the composer writes, in every tone and language, passes its own review. */
    @Test
    void composedRepliesAreReady() {
        for (String language : ReplyComposer.LANGUAGES) {
            for (CandidateReplies.Reply composed : CandidateReplies.composed(language)) {
                DraftReview review = review(composed.text(), language);
                assertEquals(Verdict.VERDICT_READY, review.verdict(), review + "\n" + composed.text());
                assertEquals(List.of(), review.findings(), composed.text());
            }
        }
    }

    /**
     * Candidate replies in everyday wording, harmful (none may pass as ready, and a medium or high
     * finding must show the span) or professional (all ready). Written in batches, each run through
     * the review before the rules or the reply-tone model learned from it (see the session notes).
     */
    static Stream<Arguments> candidateReplies() throws IOException {
        List<Arguments> replies = new ArrayList<>();
        for (String language : ReplyComposer.LANGUAGES) {
            CandidateReplies.read(CandidateReplies.file(language))
                    .forEach(reply -> replies.add(Arguments.of(language, reply.harmful(), reply.text(), reply.offending())));
        }
        return replies.stream();
    }

    @ParameterizedTest(name = "{0}, harmful={1}: {2}")
    @MethodSource("candidateReplies")
    void harmfulRepliesAreNotReadyAndTheOffendingSpanIsFoundProfessionalOnesAreReady(String language, boolean harmful, String draft,
            Optional<String> offending) {
        CandidateReplies.Reply reply = new CandidateReplies.Reply(harmful, draft, offending);
        DraftReview review = review(draft, language);
        assertTrue(reply.verdictRight(review), review.toString());
        assertTrue(reply.offendingFound(review), offending.orElse("a serious finding") + " not pointed at: " + review.findings());
    }

    @Test
    void detectsTheDraftsLanguageWhenNotGiven() {
        DraftReview review = reviewer.review(new DraftReviewRequest(
                "Vielen Dank für Ihre Rückmeldung und die Gespräche. Ich würde mich freuen, bei künftigen Stellen berücksichtigt zu werden.",
                Optional.empty(), false, Optional.empty(), NOW));
        assertEquals("de", review.language());
    }
}
