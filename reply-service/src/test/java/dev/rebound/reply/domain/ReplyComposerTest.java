package dev.rebound.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.rebound.proto.v1.FeedbackPolicy;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.Practice;
import dev.rebound.proto.v1.RejectionReason;
import dev.rebound.proto.v1.ReplyChannel;
import dev.rebound.proto.v1.Tone;
import dev.rebound.reply.domain.analysis.RejectionAnalysis;

class ReplyComposerTest {

    static final Instant RECEIVED = Instant.parse("2026-11-17T14:00:00Z"); // a Tuesday
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-17T16:00:00Z"), ZoneOffset.UTC);
    static final ReplyComposer COMPOSER = new ReplyComposer(new SendWindowPlanner(Duration.ofHours(24), Duration.ofHours(48)), NOW);

    static ReplyRequest request(Tone tone, boolean askForFeedback, boolean stillInterested, Optional<String> resource) {
        return new ReplyRequest(Optional.of("Ada Lovelace"), Optional.of("Acme Analytics"), Optional.of("Darren Hale"),
                Optional.of("Data Engineer"), InterviewStage.INTERVIEW_STAGE_INTERVIEW,
                List.of("learning about the data-platform roadmap"), stillInterested, askForFeedback, false, false, resource,
                tone, Optional.empty(), RECEIVED, ZoneOffset.UTC, 0);
    }

    static ReplyRequest typical() {
        return request(Tone.TONE_WARM, true, true, Optional.empty());
    }

    static List<Practice> practices(ComposedReply reply) {
        return reply.sections().stream().map(ReplySection::practice).toList();
    }

    @Test
    void followsThePracticeOrderOfTheBrief() {
        ComposedReply reply = COMPOSER.compose(request(Tone.TONE_WARM, true, true, Optional.of("an article on event sourcing")));
        assertEquals(List.of(Practice.PRACTICE_GREETING, Practice.PRACTICE_THANKS, Practice.PRACTICE_FEEDBACK_REQUEST,
                Practice.PRACTICE_DOOR_OPEN, Practice.PRACTICE_RESOURCE_OFFER, Practice.PRACTICE_CLOSING,
                Practice.PRACTICE_SIGNATURE), practices(reply));
    }

    @Test
    void thanksWithTheCandidatesOwnHighlight() {
        ReplySection thanks = COMPOSER.compose(typical()).sections().get(1);
        assertTrue(thanks.text().contains("learning about the data-platform roadmap."), thanks.text());
    }

    @Test
    void inventsNoPositiveWithoutAHighlight() {
        ReplyRequest plain = new ReplyRequest(Optional.of("Ada Lovelace"), Optional.empty(), Optional.empty(), Optional.empty(),
                InterviewStage.INTERVIEW_STAGE_APPLICATION, List.of(), true, true, false, false, Optional.empty(), Tone.TONE_WARM,
                Optional.empty(), RECEIVED, ZoneOffset.UTC, 0);
        String thanks = COMPOSER.compose(plain).sections().get(1).text();
        assertFalse(thanks.contains("enjoyed"), thanks);
        assertFalse(thanks.contains("learn more"), thanks);
        assertTrue(thanks.startsWith("Thank you"), thanks);
    }

    @Test
    void asksNoFeedbackWhenEmployerSaysItCannotGiveAny() {
        for (Tone tone : List.of(Tone.TONE_WARM, Tone.TONE_FORMAL, Tone.TONE_CONCISE)) {
            ComposedReply reply = COMPOSER.compose(request(tone, false, true, Optional.empty()));
            assertFalse(practices(reply).contains(Practice.PRACTICE_FEEDBACK_REQUEST));
            assertFalse(reply.body().toLowerCase().contains("feedback"), reply.body());
        }
    }

    @Test
    void keepsTheDoorOpenOnlyWhenStillInterested() {
        assertTrue(practices(COMPOSER.compose(typical())).contains(Practice.PRACTICE_DOOR_OPEN));
        ComposedReply notInterested = COMPOSER.compose(request(Tone.TONE_WARM, true, false, Optional.empty()));
        assertFalse(practices(notInterested).contains(Practice.PRACTICE_DOOR_OPEN));
        assertFalse(notInterested.body().contains("future"), notInterested.body());
    }

    @Test
    void mentionsTheHireNotWorkingOutOnlyInTheWarmTone() {
        for (int variant = 0; variant < 20; variant++) {
            for (Tone tone : List.of(Tone.TONE_FORMAL, Tone.TONE_CONCISE)) {
                ReplyRequest base = request(tone, true, true, Optional.empty());
                String body = COMPOSER.compose(withVariant(base, variant)).body();
                assertFalse(body.contains("hire"), body);
            }
        }
        Set<Boolean> warmMentions = new HashSet<>();
        for (int variant = 0; variant < 20; variant++) {
            warmMentions.add(COMPOSER.compose(withVariant(typical(), variant)).body().contains("hire"));
        }
        assertTrue(warmMentions.contains(true));
    }

    @Test
    void offersAResourceOnlyWhenTheCandidateGaveOne() {
        assertFalse(practices(COMPOSER.compose(typical())).contains(Practice.PRACTICE_RESOURCE_OFFER));
        ComposedReply reply = COMPOSER.compose(request(Tone.TONE_FORMAL, true, true, Optional.of("An article on event sourcing.")));
        assertTrue(reply.body().contains("share an article on event sourcing"), reply.body());
    }

    @Test
    void greetsTheContactAndSignsWithTheCandidatesNameOnce() {
        ComposedReply warm = COMPOSER.compose(typical());
        assertTrue(warm.body().startsWith("Hi Darren,") || warm.body().startsWith("Hello Darren,"), warm.body());
        ComposedReply formal = COMPOSER.compose(request(Tone.TONE_FORMAL, true, true, Optional.empty()));
        assertTrue(formal.body().startsWith("Dear Darren Hale,"), formal.body());
        assertTrue(formal.body().endsWith("\nAda Lovelace"));
        assertEquals(formal.body().indexOf("Ada Lovelace"), formal.body().lastIndexOf("Ada Lovelace"));
    }

    @Test
    void sameRequestGivesTheSameReplyAndAVariantGivesAnother() {
        assertEquals(COMPOSER.compose(typical()), COMPOSER.compose(typical()));
        Set<String> bodies = new HashSet<>();
        for (int variant = 0; variant < 10; variant++) {
            bodies.add(COMPOSER.compose(withVariant(typical(), variant)).body());
        }
        assertTrue(bodies.size() > 3, "only " + bodies.size() + " distinct bodies from 10 variants");
    }

    @Test
    void linkedinNoteFitsTheFreeAccountLimitEvenWithLongNames() {
        String longName = "Maximiliane Alexandra Konstantinopoulou-Wittgenstein";
        for (String language : ReplyComposer.LANGUAGES) {
            ReplyRequest request = new ReplyRequest(Optional.of("Ada"), Optional.of("International Business Machines Corporation of America"),
                    Optional.of(longName), Optional.of("Principal Staff Distributed Systems Reliability Engineer"),
                    InterviewStage.INTERVIEW_STAGE_FINAL_ROUND, List.of(), true, true, false, false, Optional.empty(), Tone.TONE_FORMAL,
                    Optional.of(language), RECEIVED, ZoneOffset.UTC, 0);
            String note = COMPOSER.compose(request).linkedinNote();
            assertTrue(note.codePointCount(0, note.length()) <= 200, note);
        }
    }

    @Test
    void followUpPlanHasNoJustCheckingIn() {
        ComposedReply reply = COMPOSER.compose(typical());
        assertEquals(List.of(Duration.ofDays(28), Duration.ofDays(70)),
                reply.followUpPlan().stream().map(FollowUpStep::after).toList());
        reply.followUpPlan().forEach(step -> {
            assertFalse(step.action().toLowerCase().contains("checking in"));
            assertFalse(step.action().toLowerCase().contains("touching base"));
        });
        assertEquals(4, reply.nextSteps().size());
    }

    /** Property-style: many generated requests, every rule of the brief holds for each. */
    @Test
    void everyGeneratedReplyKeepsTheRules() {
        Random random = new Random(42);
        List<String> names = List.of("Ada", "Grace Hopper", "José Álvarez", "Zoë O'Neill", "李雷");
        Set<String> warmOnly = Set.of("hire", "Besetzung", "recrutement");
        List<String> longText = List.of("x", "the whiteboard session on stream processing with the platform team",
                "meeting " + "the whole team ".repeat(12));
        int checked = 0;
        for (int i = 0; i < 3_000; i++) {
            Tone tone = Tone.forNumber(1 + random.nextInt(3));
            boolean askForFeedback = random.nextBoolean();
            boolean declined = random.nextInt(4) == 0;
            String language = pick(random, ReplyComposer.LANGUAGES);
            ReplyRequest request = new ReplyRequest(
                    maybe(random, pick(random, names)),
                    maybe(random, "Acme Corporation"),
                    maybe(random, pick(random, names)),
                    maybe(random, "Senior Data Platform Engineer"),
                    InterviewStage.forNumber(random.nextInt(5)),
                    random.nextBoolean() ? List.of() : List.of(pick(random, longText), pick(random, longText)),
                    random.nextBoolean(), askForFeedback, declined, random.nextBoolean(),
                    random.nextBoolean() ? Optional.empty() : Optional.of(pick(random, longText)),
                    tone, Optional.of(language), RECEIVED, ZoneId.of("America/New_York"), random.nextInt(1000));
            ComposedReply reply = COMPOSER.compose(request);
            String body = reply.body();
            String context = language + "/" + tone + ": " + body;
            assertEquals(language, reply.language());
            assertTrue(reply.wordCount() <= ReplyComposer.wordLimit(request), reply.wordCount() + " words: " + context);
            assertFalse(body.contains("{") || body.contains("}"), context);
            assertFalse(body.contains("  "), context);
            assertEquals(askForFeedback && !declined, practices(reply).contains(Practice.PRACTICE_FEEDBACK_REQUEST), context);
            assertEquals(request.stillInterested(), practices(reply).contains(Practice.PRACTICE_DOOR_OPEN), context);
            if (tone != Tone.TONE_WARM) {
                warmOnly.forEach(word -> assertFalse(body.contains(word), context));
            }
            request.candidateName().ifPresent(candidate -> assertTrue(body.endsWith("\n" + candidate), context));
            assertEquals(1, practices(reply).stream().filter(p -> p == Practice.PRACTICE_SIGNATURE).count());
            request.candidateName().ifPresent(c -> assertEquals(body.indexOf("\n" + c), body.lastIndexOf("\n" + c), context));
            request.contactName().ifPresent(contact -> assertTrue(body.contains(contact.split(" ")[0]), context));
            String note = reply.linkedinNote();
            assertTrue(note.codePointCount(0, note.length()) <= ReplyComposer.LINKEDIN_NOTE_LIMIT, note);
            assertFalse(note.contains("{") || reply.linkedinMessage().contains("{"), note);
            reply.followUpPlan().forEach(step -> assertFalse(step.action().toLowerCase().contains("checking in"), step.action()));
            checked++;
        }
        assertEquals(3_000, checked);
    }

    @Test
    void aCallerClauseSitsInsideTheSentence() {
        assertEquals("learning about the roadmap", ReplyComposer.asClause("Learning about the roadmap.", "en"));
        assertEquals("AWS re:Invent talk", ReplyComposer.asClause("AWS re:Invent talk", "en"));
        assertEquals("I think so", ReplyComposer.asClause("I think so!", "en"));
        assertEquals("der Austausch über die Roadmap", ReplyComposer.asClause("Der Austausch über die Roadmap", "de"));
        assertEquals("Austausch über die Roadmap", ReplyComposer.asClause("Austausch über die Roadmap", "de"));
    }

    @Test
    void writesGermanAndFrenchToTheirConventions() {
        ReplyRequest german = withLanguage(request(Tone.TONE_FORMAL, true, true, Optional.empty()), "de");
        ComposedReply deReply = COMPOSER.compose(german);
        assertEquals("Guten Tag Darren Hale,", deReply.sections().get(0).text());
        // after the comma of the salutation German continues in lower case; no comma after the sign-off
        assertTrue(deReply.sections().get(1).text().startsWith("vielen Dank"), deReply.body());
        assertTrue(deReply.body().matches("(?s).*Grüßen?\\nAda Lovelace"), deReply.body());
        ComposedReply frReply = COMPOSER.compose(withLanguage(request(Tone.TONE_FORMAL, true, true, Optional.empty()), "fr"));
        assertEquals("Bonjour Darren Hale,", frReply.sections().get(0).text());
        assertTrue(frReply.body().endsWith("cordialement,\nAda Lovelace") || frReply.body().endsWith("Cordialement,\nAda Lovelace"), frReply.body());
        ReplyRequest unnamed = new ReplyRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                InterviewStage.INTERVIEW_STAGE_APPLICATION, List.of(), false, false, false, false, Optional.empty(), Tone.TONE_FORMAL,
                Optional.of("fr"), RECEIVED, ZoneOffset.UTC, 0);
        assertTrue(COMPOSER.compose(unnamed).body().startsWith("Madame, Monsieur,\n\n"));
    }

    @Test
    void endsWithTheSignOffAloneWhenNoNameIsKnown() {
        ReplyRequest unnamed = new ReplyRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                InterviewStage.INTERVIEW_STAGE_INTERVIEW, List.of(), true, true, false, false, Optional.empty(), Tone.TONE_WARM,
                Optional.empty(), RECEIVED, ZoneOffset.UTC, 0);
        String body = COMPOSER.compose(unnamed).body();
        assertTrue(body.endsWith("\n\nBest wishes,"), body);
    }

    @Test
    void saysTheReplyIsLateWhenTheWindowHasPassed() {
        ReplyRequest old = new ReplyRequest(Optional.of("Ada"), Optional.empty(), Optional.empty(), Optional.empty(),
                InterviewStage.INTERVIEW_STAGE_INTERVIEW, List.of(), true, true, false, false, Optional.empty(), Tone.TONE_WARM,
                Optional.empty(), RECEIVED.minus(Duration.ofDays(10)), ZoneOffset.UTC, 0);
        SendWindow window = COMPOSER.compose(old).sendWindow();
        assertEquals(SendWindowPlanner.Timing.LATE, window.timing());
        assertTrue(window.advice().startsWith("The usual window for a reply closed on"), window.advice());
        assertEquals(SendWindowPlanner.Timing.COOLING_DOWN, COMPOSER.compose(typical()).sendWindow().timing());
    }

    static RejectionAnalysis analysis(InterviewStage stage, boolean automated, FeedbackPolicy policy, String language) {
        return new RejectionAnalysis(stage, automated, policy, false, RejectionReason.REJECTION_REASON_UNSPECIFIED, Optional.empty(),
                Optional.of("Globex"), Optional.of("Helen Marsh"), Optional.of("Finance Manager"), Optional.of("Ms Whitfield"),
                Optional.of("Accounts Assistant"), Optional.of(language));
    }

    static ReplyRequest bare(Tone tone) {
        return new ReplyRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                InterviewStage.INTERVIEW_STAGE_UNSPECIFIED, List.of(), true, true, false, false, Optional.empty(), tone,
                Optional.empty(), RECEIVED, ZoneOffset.UTC, 0);
    }

    @Test
    void neverAsksForFeedbackTheEmailDeclinedInAnyToneOrLanguage() {
        for (Tone tone : List.of(Tone.TONE_WARM, Tone.TONE_FORMAL, Tone.TONE_CONCISE)) {
            for (String language : ReplyComposer.LANGUAGES) {
                ComposedReply reply = COMPOSER.compose(bare(tone),
                        analysis(InterviewStage.INTERVIEW_STAGE_INTERVIEW, false, FeedbackPolicy.FEEDBACK_POLICY_DECLINED, language));
                assertFalse(practices(reply).contains(Practice.PRACTICE_FEEDBACK_REQUEST), reply.body());
                assertEquals(language, reply.language());
            }
        }
    }

    @Test
    void fillsGapsFromTheEmailButTheCallerWins() {
        RejectionAnalysis read = analysis(InterviewStage.INTERVIEW_STAGE_INTERVIEW, false, FeedbackPolicy.FEEDBACK_POLICY_SILENT, "en");
        ComposedReply fromEmail = COMPOSER.compose(bare(Tone.TONE_FORMAL), read);
        assertTrue(fromEmail.body().startsWith("Dear Helen Marsh,"), fromEmail.body());
        assertEquals("Thank you – Accounts Assistant at Globex", fromEmail.subject());
        // a greeting name with an honorific is no signature: the reply ends with the sign-off
        assertFalse(fromEmail.body().contains("Whitfield"), fromEmail.body());
        assertEquals(Optional.of("Ms Whitfield"), fromEmail.analysis().candidateName());

        ReplyRequest caller = new ReplyRequest(Optional.of("Jo Whitfield"), Optional.of("Initech"), Optional.empty(), Optional.empty(),
                InterviewStage.INTERVIEW_STAGE_FINAL_ROUND, List.of(), true, true, false, false, Optional.empty(), Tone.TONE_FORMAL,
                Optional.empty(), RECEIVED, ZoneOffset.UTC, 0);
        ComposedReply overridden = COMPOSER.compose(caller, read);
        assertEquals(Optional.of("Initech"), overridden.analysis().company());
        assertEquals(InterviewStage.INTERVIEW_STAGE_FINAL_ROUND, overridden.analysis().stage());
        assertTrue(overridden.body().endsWith("\nJo Whitfield"), overridden.body());
    }

    @Test
    void takesTheEmployerUpOnOfferedFeedback() {
        ComposedReply reply = COMPOSER.compose(bare(Tone.TONE_WARM),
                analysis(InterviewStage.INTERVIEW_STAGE_INTERVIEW, false, FeedbackPolicy.FEEDBACK_POLICY_OFFERED, "en"));
        String feedback = reply.sections().stream().filter(s -> s.practice() == Practice.PRACTICE_FEEDBACK_REQUEST)
                .findFirst().orElseThrow().text();
        assertTrue(feedback.startsWith("Thank you also for offering feedback"), feedback);
    }

    @Test
    void recommendsTheRightChannel() {
        assertEquals(ReplyChannel.REPLY_CHANNEL_NO_REPLY_NEEDED, COMPOSER.compose(bare(Tone.TONE_WARM),
                analysis(InterviewStage.INTERVIEW_STAGE_APPLICATION, true, FeedbackPolicy.FEEDBACK_POLICY_SILENT, "en")).recommendation().channel());
        assertEquals(ReplyChannel.REPLY_CHANNEL_LINKEDIN_ONLY, COMPOSER.compose(bare(Tone.TONE_WARM),
                analysis(InterviewStage.INTERVIEW_STAGE_INTERVIEW, true, FeedbackPolicy.FEEDBACK_POLICY_SILENT, "en")).recommendation().channel());
        ChannelRecommendation email = COMPOSER.compose(bare(Tone.TONE_WARM),
                analysis(InterviewStage.INTERVIEW_STAGE_APPLICATION, false, FeedbackPolicy.FEEDBACK_POLICY_SILENT, "de")).recommendation();
        assertEquals(ReplyChannel.REPLY_CHANNEL_EMAIL, email.channel());
        assertTrue(email.reason().startsWith("Antworten Sie per E-Mail"), email.reason());
    }

    static ReplyRequest withVariant(ReplyRequest r, int variant) {
        return new ReplyRequest(r.candidateName(), r.company(), r.contactName(), r.role(), r.stage(),
                r.interviewHighlights(), r.stillInterested(), r.askForFeedback(), r.employerDeclinedFeedback(), r.employerOfferedFeedback(), r.resourceOffer(),
                r.tone(), r.language(), r.receivedAt(), r.timeZone(), variant);
    }

    static ReplyRequest withLanguage(ReplyRequest r, String language) {
        return new ReplyRequest(r.candidateName(), r.company(), r.contactName(), r.role(), r.stage(),
                r.interviewHighlights(), r.stillInterested(), r.askForFeedback(), r.employerDeclinedFeedback(), r.employerOfferedFeedback(), r.resourceOffer(),
                r.tone(), Optional.of(language), r.receivedAt(), r.timeZone(), r.variant());
    }

    static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    static Optional<String> maybe(Random random, String value) {
        return random.nextBoolean() ? Optional.of(value) : Optional.empty();
    }

}
