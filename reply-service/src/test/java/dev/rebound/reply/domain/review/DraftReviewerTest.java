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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.rebound.proto.v1.FindingCategory;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.Practice;
import dev.rebound.proto.v1.Severity;
import dev.rebound.proto.v1.Tone;
import dev.rebound.proto.v1.Verdict;
import dev.rebound.reply.domain.ReplyComposer;
import dev.rebound.reply.domain.ReplyRequest;
import dev.rebound.reply.domain.SendWindowPlanner;
import dev.rebound.reply.domain.analysis.LanguageIdentifier;

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
                Arguments.of("fr", "C'est une mauvaise décision.", FINDING_CATEGORY_DEFENSIVE, "mauvaise décision"),
                Arguments.of("fr", "J'attends une explication.", FINDING_CATEGORY_DEMANDING, "J'attends une explication"),
                Arguments.of("en", "Thanks for the update. Send me the interview notes.", FINDING_CATEGORY_DEMANDING, "Send me"),
                Arguments.of("en", "Thanks. Communication was poor from start to finish.", FINDING_CATEGORY_HOSTILE, "Communication was poor"));
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

    @Test
    void reportsTheWordsPastTheLimitAsTooLong() {
        String draft = "Thank you. " + "word ".repeat(160).strip();
        Finding tooLong = review(draft, "en").findings().stream()
                .filter(f -> f.category() == FindingCategory.FINDING_CATEGORY_TOO_LONG).findFirst().orElseThrow();
        // "Thank you." is two words: the span starts at the 149th "word", word 151 of the draft
        assertEquals("Thank you. ".length() + 148 * "word ".length(), tooLong.start());
        assertEquals(draft.length(), tooLong.end());
        assertEquals(Severity.SEVERITY_LOW, tooLong.severity());
    }

    @Test
    void checksTheTimingAgainstTheCoolDown() {
        Instant received = Instant.parse("2026-11-17T10:00:00Z");
        String draft = "Thank you for letting me know. Best regards, Ada";
        DraftReview soon = reviewer.review(new DraftReviewRequest(draft, Optional.of("en"), false, Optional.of(received),
                received.plus(Duration.ofHours(3))));
        assertEquals(List.of(FindingCategory.FINDING_CATEGORY_SENT_TOO_SOON), soon.findings().stream().map(Finding::category).toList());
        assertEquals(Verdict.VERDICT_REVISE, soon.verdict());
        DraftReview late = reviewer.review(new DraftReviewRequest(draft, Optional.of("en"), false, Optional.of(received),
                received.plus(Duration.ofDays(6))));
        assertEquals(List.of(FindingCategory.FINDING_CATEGORY_SENT_TOO_LATE), late.findings().stream().map(Finding::category).toList());
        DraftReview onTime = reviewer.review(new DraftReviewRequest(draft, Optional.of("en"), false, Optional.of(received),
                received.plus(Duration.ofHours(30))));
        assertEquals(List.of(), onTime.findings());
    }

    @Test
    void reportsMissingPracticesButNotAFeedbackRequestTheEmployerDeclined() {
        DraftReview bare = review("Okay. Noted.", "en");
        assertEquals(List.of(Practice.PRACTICE_THANKS, Practice.PRACTICE_FEEDBACK_REQUEST, Practice.PRACTICE_DOOR_OPEN,
                Practice.PRACTICE_CLOSING, Practice.PRACTICE_SPECIFIC_POSITIVE).stream().sorted().toList(),
                bare.missingPractices().keySet().stream().sorted().toList());
        DraftReview declined = reviewer.review(new DraftReviewRequest("Okay. Noted.", Optional.of("en"), true, Optional.empty(), NOW));
        assertFalse(declined.missingPractices().containsKey(Practice.PRACTICE_FEEDBACK_REQUEST));
    }

    @Test
    void hostileDraftsAreNotToBeSent() {
        DraftReview review = review("Your process is a joke of a process and your recruiters are idiots.", "en");
        assertEquals(Verdict.VERDICT_DO_NOT_SEND, review.verdict());
        assertTrue(review.politeness() < 0.5, String.valueOf(review.politeness()));
    }

    @Test
    void pointsOutTheLeastPoliteSentenceWhenNoRuleExplainsAnImpoliteDraft() {
        String draft = "Hi Tom,\n\nI got your email. Your choice, not mine.\n\nSam";
        DraftReview review = review(draft, "en");
        assertTrue(review.politeness() < DraftReviewer.TONE_CHECK_BELOW, String.valueOf(review.politeness()));
        assertEquals(Verdict.VERDICT_REVISE, review.verdict());
        Finding tone = review.findings().stream()
                .filter(f -> f.category() == FINDING_CATEGORY_IMPOLITE_TONE).findFirst().orElseThrow();
        assertEquals("Your choice, not mine.", tone.excerpt());
        assertEquals(draft.indexOf("Your choice"), tone.start());
        assertEquals(draft.indexOf("\n\nSam"), tone.end());
    }

    /** Every reply the composer writes, in every tone and language, passes its own review. */
    @Test
    void composedRepliesAreReady() {
        ReplyComposer composer = new ReplyComposer(PLANNER, Clock.fixed(NOW, ZoneOffset.UTC));
        for (String language : ReplyComposer.LANGUAGES) {
            for (Tone tone : List.of(Tone.TONE_WARM, Tone.TONE_FORMAL, Tone.TONE_CONCISE)) {
                for (int variant = 0; variant < 10; variant++) {
                    ReplyRequest request = new ReplyRequest(Optional.of("Ada Lovelace"), Optional.of("Acme"), Optional.of("Darren Hale"),
                            Optional.of("Data Engineer"), InterviewStage.INTERVIEW_STAGE_INTERVIEW, List.of("the roadmap session"),
                            true, true, false, false, Optional.empty(), tone, Optional.of(language), NOW, ZoneOffset.UTC, variant);
                    String body = composer.compose(request).body();
                    DraftReview review = review(body, language);
                    assertEquals(Verdict.VERDICT_READY, review.verdict(), review + "\n" + body);
                    assertEquals(List.of(), review.findings(), body);
                }
            }
        }
    }

    /**
     * Replies of the kinds coaches warn about, in everyday wording: none may pass as ready. Written
     * in batches; each batch was run before the rules were extended for it (see the session notes).
     */
    static final List<String> HARMFUL_REPLIES = List.of(
            "Wow. I spent three weeks preparing for your interviews and this is what I get? Unbelievable.",
            "Honestly, your interview process was a mess. Nobody had read my CV and the second interviewer was twenty minutes late.",
            "I think you've made the wrong call. My experience is exactly what you said you were looking for.",
            "Can you at least tell me what the other candidate had that I didn't? I think I deserve that much.",
            "I would like a full explanation of why I was rejected, and a reply within the next few days.",
            "Fine. Your loss.",
            "Please give me another opportunity, I promise I won't let you down. This job means everything to me.",
            "It's disappointing that after four rounds you couldn't even pick up the phone to tell me.",
            "Thanks for wasting my time with four rounds of interviews.",
            "I guess I'll just keep applying to companies that actually value experience.",
            "Your recruiter never responded to my emails, which says a lot about your company culture.",
            "Good luck finding someone who actually knows what they are doing.",
            "I was told I was the top candidate. What changed? I need an answer.",
            "You should reconsider. I am the best person for this role and you know it.",
            "Just following up to see if there's any chance you'd change your mind.",
            "Hi Mark, I have to say I'm really surprised by this. I was told by the recruiter that I was the strongest candidate. Can you at least tell me what went wrong? Thanks",
            "Thanks for finally getting back to me after three weeks. It would have been nice to hear sooner.",
            "With all due respect, I don't think your team gave me a fair chance. The technical test had nothing to do with the job.",
            "I would like you to reconsider. I meet every requirement in the job description and I think a mistake has been made.",
            "Could you please explain why I wasn't chosen? I need to know what specifically the other candidate had that I didn't.",
            "Honestly, your loss. Good luck with your hire.",
            "I'm not sure how you expect to find better candidates when your process is this disorganised.",
            "I have been unemployed for eight months and my family depends on me. Is there anything at all you can do? Please reconsider.",
            "Wow, great, another rejection. Thanks a lot.",
            "Per my last email, I am still waiting on the feedback you promised.",
            "Noted. I guess experience doesn't count for much at your company.",
            "I find it hard to believe that you found someone more qualified. I'd like to speak to the hiring manager directly.",
            "Please give me another chance, I promise I will not disappoint you. I'm begging you.",
            "It's disappointing that after five interviews you couldn't even call me. A two-line email is not acceptable.",
            "Your recruiter was rude and clearly didn't read my CV. I will be leaving a review on Glassdoor.",
            "I expect a detailed explanation of the decision by Friday.",
            "Fine. Whatever. Don't contact me again.",
            "Funny how the role was 'filled internally' right after I interviewed. Thanks for wasting my time.",
            "I'm honestly shocked. I did everything you asked, including a four-hour take-home, and this is the thanks I get.",
            "Can someone please explain what I did wrong? I answered every question perfectly.",
            "This is the third time your company has rejected me. At this point I have to ask whether anyone actually reads applications.",
            "Kindly provide the scoring sheet from my interview so I can understand the decision.",
            "I'm really struggling right now and this job was my last hope. Is there any way you could make an exception?",
            "Thanks for nothing, I guess.",
            "Frankly the questions were irrelevant and the interviewer seemed bored the whole time.",
            "I trust you'll have the courtesy to respond this time.",
            "You will regret this decision.",
            "Not sure why I bothered applying.",
            "Let me know when you realise you hired the wrong person.",
            "I'd appreciate an explanation as to why my application was unsuccessful given my obvious qualifications.",
            "I am writing to formally request a review of my interview scores.",
            "Seriously? I was more than qualified for this position.",
            "That's a shame because I turned down another offer while waiting for you.",
            "I hope you know you've lost a great candidate. Best of luck, you'll need it.",
            "Can I ask who you hired instead? I'd like to see their CV compared to mine.",
            "I would really, really appreciate it if you could find a way to keep me in the process. I don't know what else to do.",
            "Do you even know what you're looking for? The job ad said one thing and the interview was about something else entirely.",
            "Thank you for your email. Just so you know, your interviewer spent the whole time on his phone.",
            "Please don't send me generic emails in the future, it's insulting.",
            "OK then. Not that it matters, but I was really excited about this role.",
            "Hi Sam,\n\nI have to say I'm baffled. I met every requirement in the job ad and your team still passed. Could you tell me exactly which requirement I failed to meet?\n\nThanks,\nPriya",
            "Hello,\n\nThat's a shame. It's a pity your company can't recognise talent when it's right in front of you. Good luck finding someone better.\n\nRegards,\nTom",
            "Dear Ms. Carter,\n\nThank you for the update. Frankly, I expected a little more respect after five rounds of interviews than a two-line email.\n\nBest,\nJordan",
            "Hi Alex,\n\nI'd appreciate it if you could reconsider. I'm confident I'm the strongest candidate you saw and I'm willing to do another interview to prove it.\n\nThanks,\nMaya",
            "Hey,\n\nNo worries, I didn't really want the job anyway. The salary was below market.\n\nCheers",
            "Dear hiring team,\n\nI've been unemployed for eight months and my savings are almost gone. I was counting on this role. Is there anything at all you can do for me?\n\nSincerely,\nDaniel",
            "Hi Chris,\n\nThanks for letting me know. For the record, the take-home task took me 14 hours and nobody even commented on it. That's not how you treat candidates.\n\nNina",
            "Hello Rachel,\n\nI find this decision very surprising given the feedback I got during the interview. Someone clearly made a mistake here and I would like it corrected.\n\nKind regards,\nOmar",
            "Hi,\n\nGreat, another automated rejection. Really appreciate the personal touch.\n\nLiam",
            "Dear Mr. Brown,\n\nI am writing to formally request a full explanation of how candidates were scored, including my scores and those of the person you hired.\n\nYours,\nEva",
            "Hi Jenna,\n\nI'm so sorry for wasting your time. I know I wasn't good enough and I'm probably not cut out for this field.\n\nThanks anyway,\nKevin",
            "Hi Mark,\n\nPlease, please give me another chance. I'll take a lower salary, anything. I just need a foot in the door.\n\nAmy",
            "Hello,\n\nI don't appreciate being strung along for six weeks only to be told no. You could have told me sooner.\n\nRegards,\nSofia",
            "Hi Dana,\n\nWith all due respect, your interviewer had no idea what he was talking about. Half of his questions were outdated.\n\nBest,\nRaj",
            "Hi Paul,\n\nThanks. I assume the decision was made before I even walked in the door, so I'm not sure why you bothered interviewing me.\n\nGreg",
            "hi, thanks for the email. tbh i think you guys missed out. i was the only one with actual production experience. anyway good luck",
            "Dear Ms. Lee,\n\nI have received your email. I would like to point out that I was never given the chance to present my portfolio properly, since the interviewer kept interrupting me.\n\nRegards,\nHannah",
            "Hi Marcus,\n\nSo that's it? Three interviews and a generic email. I thought your company valued people.\n\nSteve",
            "Hello,\n\nThank you. I would ask that you pass my details to the CEO, as I believe the hiring team did not evaluate me fairly.\n\nBest,\nLucas",
            "Hi Claire,\n\nThanks for your note. I'm honestly heartbroken. This was my dream job and I don't know how I'll recover from this. Please let me know if anything changes, I'll be waiting.\n\nMia",
            "Hey Tom,\n\nAppreciate the update. Guess I wasn't the right \"culture fit\" for a team that didn't even show up on time to my interview.\n\nJake",
            "Dear Recruiter,\n\nThis is the third time your company has rejected me. I am starting to think you have something against me personally.\n\nSam",
            "Hi Emily,\n\nThanks for letting me know. I'll be honest, I'm disappointed and a little angry. I gave up my weekend for your coding challenge and got nothing in return.\n\nNoah",
            "Hi Ben,\n\nOK. Can you at least tell me who got the job and what they had that I didn't?\n\nEthan",
            "Hello Ms. Grant,\n\nI respectfully request that you review my application once more. I believe there has been an oversight, as my qualifications match the job description perfectly.\n\nSincerely,\nAva",
            "Hi Lisa,\n\nWell that was a waste of a day off. Thanks I guess.\n\nChris",
            "Dear Hiring Manager,\n\nI would really, really appreciate it if you could find any position for me in your company, even a temporary one. I am willing to relocate, work nights, anything.\n\nThank you so much,\nIsabella",
            "Hi Oliver,\n\nNoted. Next time maybe tell candidates upfront that the role is basically filled.\n\nDan",
            "Hi Karen,\n\nI'm writing to express my disappointment with how this process was handled. Communication was poor from start to finish and I was left waiting for weeks.\n\nRegards,\nPeter",
            "Hi Anna,\n\nThanks for the update. I just want to say that I know I would have been great in this role and I think you will regret this decision.\n\nBest,\nZoe");

    /** Professional replies, as candidates write them: all ready. */
    static final List<String> PROFESSIONAL_REPLIES = List.of(
            "Hi Sarah, thank you for letting me know. Of course I'm disappointed, but I really enjoyed meeting the team and learning about the platform migration. If you have any feedback, I'd welcome it. I'd love to be considered for future roles. Best, Tom",
            "Dear Mr. Patel, thank you for your email and for the opportunity to interview. I appreciate your time and consideration and hope our paths cross again. Kind regards, Anna Lopez",
            "Thanks for the update, Jen. I understand. I enjoyed our conversations and would be glad to stay in touch. All the best, Omar",
            "Hello, thank you for considering my application. I wish you every success in filling the role. Regards, Li Wei",
            "Hi Mark, thanks so much for letting me know, and for your time throughout the process. Would you be open to sharing any thoughts on where I could improve? Either way, I hope we can stay in touch. Cheers, Priya",
            "Thank you for your reply. While I'm disappointed, I appreciate you taking the time to tell me personally. I remain very interested in working with your team in the future. Sincerely, Daniel",
            "Hi Kenji, thank you for being so open about the decision. I understand completely, and I'm grateful for the time you and the team spent with me. I'd be happy to be considered when the next role opens. Best wishes, Sofia",
            "Dear Hiring Team, thank you for informing me of your decision. I enjoyed learning about your work on renewable storage. Please keep me in mind for future openings. Yours sincerely, Jordan Smith",
            "Hi Priya,\n\nThank you for letting me know, and for the time you and the team spent with me. I was disappointed to hear the news, but I enjoyed the conversation about your data platform. If you're able to share any feedback, I'd be grateful. I hope our paths cross again.\n\nBest,\nLeo",
            "Dear Mr Adams,\n\nThank you for your email and for considering my application. Although I am naturally disappointed, I appreciated learning about the team's work on payments. I would welcome the chance to be considered for future openings.\n\nKind regards,\nMaria Lopez",
            "Hi Tom, thanks so much for the update and for being so open throughout the process. I really enjoyed meeting Sarah and the design team. Please keep me in mind for anything similar in the future. All the best, Jen",
            "Hello Anna,\n\nThank you for getting back to me. Of course I'd hoped for a different result, but I understand. I particularly valued the discussion about your onboarding process. Would you be open to sharing any feedback on my interview? Either way, I wish you and the team every success.\n\nRegards,\nOmar",
            "Thanks Chris, I appreciate you letting me know personally. I learned a lot from the case study exercise. I'd love to stay in touch - I'll follow you on LinkedIn if that's okay. Best wishes, Hannah",
            "Hi Sam,\n\nThank you for the update. It was a pleasure to meet you and the team last Tuesday, and I enjoyed hearing about the migration project. I'd still be very interested in future roles at Northwind, so please do keep my details.\n\nThanks again,\nDavid",
            "Dear Hiring Team, thank you for the opportunity to interview for the analyst role. I understand you have chosen another candidate. I'd be grateful for any feedback that could help me in future interviews. Best regards, Kim",
            "Hi Laura, no problem at all and thank you for letting me know so quickly. Congratulations to whoever got the role! I really liked the team's approach to testing. Hope to cross paths again. Cheers, Ben",
            "Hi Ella, thanks for letting me know. It's a shame, but I completely understand. I really enjoyed the pairing session with Raj. All the best with the launch! Nick",
            "Dear Dr. Weber, thank you for your message and for your time during the interviews. I learned a great deal about your lab's approach. I would be grateful for any brief feedback you could share. With best regards, Aisha Khan",
            "Hey Tom, appreciate the quick heads-up. Loved chatting about the analytics stack - if anything else comes up, I'd be keen to hear about it. Thanks again, Ravi",
            "Hello Ms. Brown, thank you for letting me know about your decision. I'm grateful for the opportunity to meet the team, and I'd welcome the chance to apply again in the future. Best regards, Chen",
            "Hi Grace, thank you - I appreciate the honesty and the detailed notes from the panel. They're really useful. I hope to reconnect down the line. Best, Marta",
            "Thanks for getting back to me, Paul. Naturally I'm a little disappointed, but I appreciated how well organised the process was. Please do keep me in mind. Kind regards, Femi",
            "Dear Recruitment Team, thank you for your time and consideration. I enjoyed learning about the company's mission. Wishing you all the best. Sincerely, Alex Martin",
            "Hi Jo, thanks for the call today and for being so supportive throughout. I'll take the feedback on board for my next interviews. Hope we cross paths again! Cheers, Sam",
            "Thanks for letting me know. Best, Sam",
            "Hi Ana, understood - thank you for the update and for your time. Best of luck with the search. Tom",
            "Thank you for the feedback, it's very helpful. I'll work on my system design answers. Regards, Ivo",
            "Hi Ruth, many thanks for your message. I enjoyed our chat about the customer research programme and would be glad to hear about future roles. Best wishes, Kate",
            "Hello Peter, thank you for taking the time to call me. I'm disappointed, of course, but very grateful for the honest feedback. Warm regards, Lena",
            "Hi, thanks for getting back to me and for considering me. Wishing the team all the best. Mo",
            "Dear Ms. Ito, thank you for your kind email. It was a privilege to be considered. I would welcome any feedback you could offer. Respectfully, Daniel Park",
            "Hi Gabe, totally understand, and thanks again for the great conversations. Let's stay in touch on LinkedIn. Cheers, Nina",
            "Thank you for the update, Claire. I appreciated the team's warmth throughout the process and hope to work together someday. Best, Arjun",
            "Hi Sophie, thanks for the quick response. Would you mind sharing any feedback from the panel? It would help me a lot. Many thanks, Tariq",
            "Hi Sam,\n\nThank you for letting me know, and for the time you and the team spent with me. I especially enjoyed the conversation about your data platform migration. If you have a moment, I would welcome any feedback on how I could strengthen my application. I hope our paths cross again.\n\nBest regards,\nPriya",
            "Dear Ms. Carter,\n\nThank you for the update. While I'm disappointed, I appreciated learning about the team's approach to accessibility. Please keep me in mind for future openings.\n\nKind regards,\nJordan",
            "Hello Rachel,\n\nThanks so much for getting back to me. It was a pleasure meeting the product team. I'd be grateful for any pointers on areas to improve. Wishing you all the best with the launch.\n\nOmar",
            "Hi Chris,\n\nThank you for the thoughtful note. I understand the decision and respect it. I really enjoyed the pairing session with Lena. I'd love to stay in touch and would be glad to be considered for future roles.\n\nAll the best,\nNina",
            "Hi Jenna,\n\nThank you for considering me for the analyst position. Although I'm sorry it didn't work out this time, I learned a lot from the case interview. If you're able to share any feedback, I'd really value it.\n\nBest wishes,\nKevin",
            "Dear Mr. Brown,\n\nThank you for informing me of your decision. I enjoyed speaking with you about the logistics challenges your team is tackling. I would be happy to hear about any future opportunities.\n\nSincerely,\nEva",
            "Hi Dana,\n\nThanks for the quick update and for being so transparent throughout the process. Congratulations to whoever joins the team. Feel free to reach out if anything similar opens up.\n\nBest,\nRaj",
            "Hi Mark,\n\nThank you for your email. Of course I'm a little disappointed, but I'm grateful for the opportunity to interview. Your team's enthusiasm for open source was inspiring. I hope we can keep in touch.\n\nAmy",
            "Hello Paul,\n\nMany thanks for letting me know. I appreciated the chance to meet the engineering leads. Would you be open to sharing what I could have done better? Either way, best of luck with the search.\n\nGreg",
            "Hi Alex,\n\nThanks for the news and for your kind words about my portfolio. I'd welcome the chance to apply again as the team grows.\n\nWarm regards,\nMaya",
            "Dear hiring team,\n\nThank you for taking the time to review my application and to interview me. I enjoyed learning more about your mission. I'd be glad to be considered for other roles in the future.\n\nBest regards,\nDaniel",
            "Hi Sofia,\n\nThank you for the update - I really enjoyed our conversations and learned a lot about your customer research practice. I'd appreciate any feedback you can share, and I hope to cross paths again.\n\nCheers,\nLiam",
            "hi Marcus, thanks for letting me know and for the interviews. I really liked hearing how the team runs its on-call rotation. if there is any feedback you can share I'd be glad to hear it. hope to stay in touch! Steve",
            "Dear Ms. Lee,\n\nThank you for your message and for the opportunity to present my portfolio. I valued the panel's questions about accessibility. I would be grateful to be considered for future design roles.\n\nKind regards,\nHannah",
            "Hello Claire,\n\nThank you for letting me know. This role really excited me, so I'm disappointed, but I understand. I enjoyed meeting everyone on the growth team. Please keep me in mind if something similar comes up.\n\nWarm wishes,\nMia",
            "Hi Tom,\n\nThanks for the update and for your time throughout the process. It was great to learn about the team's roadmap. I'd welcome any feedback that could help me grow. All the best with the hire!\n\nJake",
            "Hi Emily,\n\nThank you for getting back to me. I enjoyed working on the coding challenge and discussing it with Raj. If you have a few notes on where my solution fell short, I'd appreciate them.\n\nBest,\nNoah",
            "Hello Ms. Grant,\n\nThank you for considering my application and for your kind words. I hope there will be an opportunity to work together in the future.\n\nSincerely,\nAva",
            "Hi Oliver,\n\nThanks for being upfront with me. I enjoyed our chat about the team's migration to Kotlin. Best of luck with the search and I hope we cross paths again.\n\nDan",
            "Hi Lisa, thank you for the news. While it's not the outcome I hoped for, I appreciated the day with the team and the thoughtful interview questions. Stay well! Chris",
            "Hi Ben,\n\nThanks for letting me know, and for the quick turnaround. Congratulations to the new hire. I'd be happy to hear about future openings.\n\nCheers,\nEthan",
            "Dear Karen,\n\nThank you for the update and for coordinating everything over the past weeks. I learned a lot from the conversations with the analytics team. I would appreciate any feedback, and I'd love to stay in touch.\n\nRegards,\nPeter");

    @Test
    void harmfulRepliesAreNotReadyAndTheOffendingSpanIsFound() {
        for (String draft : HARMFUL_REPLIES) {
            DraftReview review = review(draft, "en");
            assertTrue(review.verdict() != Verdict.VERDICT_READY, draft);
            assertTrue(review.findings().stream().anyMatch(f -> f.severity() != Severity.SEVERITY_LOW && f.end() > f.start()), draft);
        }
    }

    @Test
    void professionalRepliesAreReady() {
        for (String draft : PROFESSIONAL_REPLIES) {
            DraftReview review = review(draft, "en");
            assertEquals(Verdict.VERDICT_READY, review.verdict(), draft + " " + review.findings());
        }
    }

    @Test
    void detectsTheDraftsLanguageWhenNotGiven() {
        DraftReview review = reviewer.review(new DraftReviewRequest(
                "Vielen Dank für Ihre Rückmeldung und die Gespräche. Ich würde mich freuen, bei künftigen Stellen berücksichtigt zu werden.",
                Optional.empty(), false, Optional.empty(), NOW));
        assertEquals("de", review.language());
    }
}
