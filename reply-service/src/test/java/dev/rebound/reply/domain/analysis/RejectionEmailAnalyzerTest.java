package dev.rebound.reply.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.rebound.proto.v1.FeedbackPolicy;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.RejectionReason;

class RejectionEmailAnalyzerTest {

    static RejectionEmailAnalyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = new RejectionEmailAnalyzer(new LanguageIdentifier());
    }

    static final String AFTER_INTERVIEW = """
            Subject: Your application for Backend Engineer at Nordwind Systems

            Hi Maya,

            Thank you for taking the time to interview with us for the Backend Engineer position. Unfortunately we have
            decided to move forward with a candidate whose experience more closely matches our needs. Due to the volume of
            candidates we are unable to provide individual feedback.

            We will keep your details on file and may reach out about future roles.

            Best regards,
            Lena Fischer
            Talent Acquisition Partner
            Nordwind Systems GmbH
            """;

    @Test
    void readsAPersonalRejectionAfterAnInterview() {
        RejectionAnalysis analysis = analyzer.analyze(AFTER_INTERVIEW);
        assertEquals(InterviewStage.INTERVIEW_STAGE_INTERVIEW, analysis.stage());
        assertFalse(analysis.automated());
        assertEquals(FeedbackPolicy.FEEDBACK_POLICY_DECLINED, analysis.feedbackPolicy());
        assertTrue(analysis.keepOnFile());
        assertEquals(RejectionReason.REJECTION_REASON_FIT, analysis.reason());
        assertEquals(Optional.of("Maya"), analysis.candidateName());
        assertEquals(Optional.of("Lena Fischer"), analysis.senderName());
        assertEquals(Optional.of("Talent Acquisition Partner"), analysis.senderTitle());
        assertEquals(Optional.of("Nordwind Systems GmbH"), analysis.company());
        assertEquals(Optional.of("Backend Engineer"), analysis.role());
        assertEquals(Optional.of("en"), analysis.language());
    }

    @Test
    void recognisesAnAutomatedNoReplyRejectionOfAnApplication() {
        RejectionAnalysis analysis = analyzer.analyze("""
                From: Careers <no-reply@jobs.example.com>
                Subject: Your application

                Dear Candidate,

                Thank you for applying. After reviewing your application we will not be moving forward.
                This is an automated message; please do not reply to this email.
                """);
        assertTrue(analysis.automated());
        assertEquals(InterviewStage.INTERVIEW_STAGE_APPLICATION, analysis.stage());
        assertEquals(Optional.empty(), analysis.candidateName());
        assertEquals(FeedbackPolicy.FEEDBACK_POLICY_SILENT, analysis.feedbackPolicy());
        assertFalse(analysis.keepOnFile());
    }

    @Test
    void seesTheFinalRoundAndAnInternalCandidate() {
        RejectionAnalysis analysis = analyzer.analyze("Hi Sam,\n\nThanks for coming in for the final round. We decided to go with an internal candidate."
                + " If you would like feedback, I'm happy to set up a call.\n\nCheers,\nPriya Raman");
        assertEquals(InterviewStage.INTERVIEW_STAGE_FINAL_ROUND, analysis.stage());
        assertEquals(RejectionReason.REJECTION_REASON_INTERNAL_CANDIDATE, analysis.reason());
        assertEquals(FeedbackPolicy.FEEDBACK_POLICY_OFFERED, analysis.feedbackPolicy());
        assertEquals(Optional.of("Priya Raman"), analysis.senderName());
    }

    @Test
    void readsAPhoneScreenRejectionAndAClosedPosition() {
        RejectionAnalysis analysis = analyzer.analyze("Hello Jon,\n\nThank you for our call last week about the Data Analyst role."
                + " The position has been filled, so we will not proceed.\n\nKind regards,\nAmir Haddad\nRecruiter");
        assertEquals(InterviewStage.INTERVIEW_STAGE_PHONE_SCREEN, analysis.stage());
        assertEquals(RejectionReason.REJECTION_REASON_POSITION_FILLED_OR_CLOSED, analysis.reason());
        assertEquals(Optional.of("Data Analyst"), analysis.role());
        assertEquals(Optional.of("Recruiter"), analysis.senderTitle());
    }

    @Test
    void cleansHtmlAndQuotedPrintableBodies() {
        String html = "<html><body><p>Dear Ana,</p><p>Thank you for your application to the Product Designer position at"
                + " Lumen&nbsp;Labs. We will not be moving forward.</p><p>Best,<br>Chris Doyle</p></body></html>";
        RejectionAnalysis fromHtml = analyzer.analyze(html);
        assertEquals(Optional.of("Ana"), fromHtml.candidateName());
        assertEquals(Optional.of("Chris Doyle"), fromHtml.senderName());
        assertEquals(Optional.of("Product Designer"), fromHtml.role());
        assertEquals(Optional.of("Lumen Labs"), fromHtml.company());

        String quotedPrintable = "Dear Ana,=0A=0AThank you for your interest in Lumen Labs. We are unable to =\n"
                + "offer individual feedback.=0A=0ABest regards,=0AChris Doyle";
        RejectionAnalysis fromQp = analyzer.analyze(quotedPrintable);
        assertEquals(FeedbackPolicy.FEEDBACK_POLICY_DECLINED, fromQp.feedbackPolicy());
        assertEquals(FeedbackPolicy.FEEDBACK_POLICY_DECLINED, analyzer.feedbackPolicy(quotedPrintable), "the policy alone, as a draft review reads it");
        assertEquals(Optional.of("Chris Doyle"), fromQp.senderName());
        assertEquals("Dear Ana,\n\nThank you for your interest in Lumen Labs. We are unable to offer individual feedback.\n\nBest regards,\nChris Doyle",
                EmailText.clean(quotedPrintable));
    }

    @Test
    void readsGermanAndFrenchRejections() {
        RejectionAnalysis german = analyzer.analyze("""
                Sehr geehrte Frau Becker,

                vielen Dank für Ihr Interesse und das Vorstellungsgespräch bei uns. Leider müssen wir Ihnen mitteilen, dass wir
                uns für eine andere Kandidatin entschieden haben. Bitte haben Sie Verständnis, dass wir kein individuelles
                Feedback geben können. Gerne nehmen wir Ihre Unterlagen in unseren Talentpool auf.

                Mit freundlichen Grüßen
                Jonas Weber
                """);
        assertEquals(InterviewStage.INTERVIEW_STAGE_INTERVIEW, german.stage());
        assertEquals(FeedbackPolicy.FEEDBACK_POLICY_DECLINED, german.feedbackPolicy());
        assertTrue(german.keepOnFile());
        assertEquals(Optional.of("Frau Becker"), german.candidateName());
        assertEquals(Optional.of("Jonas Weber"), german.senderName());
        assertEquals(Optional.of("de"), german.language());

        RejectionAnalysis french = analyzer.analyze("""
                Bonjour Camille,

                Nous vous remercions pour votre candidature et pour le temps accordé lors de votre entretien. Nous avons le
                regret de vous informer que nous avons retenu un autre profil pour ce poste.

                Bien cordialement,
                Claire Martin
                """);
        assertEquals(InterviewStage.INTERVIEW_STAGE_INTERVIEW, french.stage());
        assertEquals(Optional.of("Camille"), french.candidateName());
        assertEquals(Optional.of("Claire Martin"), french.senderName());
        assertEquals(Optional.of("fr"), french.language());
    }

    @Test
    void readsAForwardedRejectionAndIgnoresTheQuotedThreadAndFooter() {
        RejectionAnalysis forwarded = analyzer.analyze("""
                ---------- Forwarded message ---------
                From: Lever <no-reply@hire.lever.co>
                Subject: Update on your application to Figma

                Hi Taylor,

                Thanks for your interest in Figma and the Software Engineer, Infrastructure position. Unfortunately we won't
                be moving forward with your application.

                Best,
                Figma Recruiting
                """);
        assertTrue(forwarded.automated());
        assertEquals(Optional.of("Figma"), forwarded.company());
        assertEquals(Optional.of("Software Engineer, Infrastructure"), forwarded.role());
        assertEquals(Optional.of("Taylor"), forwarded.candidateName());

        RejectionAnalysis threaded = analyzer.analyze("""
                Hi Morgan,

                Thanks again for chatting with me last week about the Account Executive role. We've decided to move ahead with
                candidates who have more direct SaaS sales experience.

                All the best,
                Jess Alvarez
                Recruiter, Northwind

                CONFIDENTIALITY NOTICE: This email and any attachments are for the sole use of the intended recipient.

                On Mon, Nov 2, 2026 at 10:00 AM Morgan Lee <morgan@example.com> wrote:
                > Hi Jess, just following up on my interview.
                """);
        assertEquals(InterviewStage.INTERVIEW_STAGE_PHONE_SCREEN, threaded.stage());
        assertEquals(RejectionReason.REJECTION_REASON_MORE_EXPERIENCED_CANDIDATE, threaded.reason());
        assertEquals(Optional.of("Jess Alvarez"), threaded.senderName());
        assertEquals(Optional.of("Recruiter"), threaded.senderTitle());
        assertEquals(Optional.of("Northwind"), threaded.company());
    }

    @Test
    void readsSignaturesWithoutASignOffFormula() {
        RejectionAnalysis piped = analyzer.analyze("Dear Mr. Smith,\n\nThank you for completing our final round interviews for the"
                + " Operations Manager role. Due to company policy, we are not able to share specific feedback.\n\n"
                + "Jane Doe | Head of Talent | Initech");
        assertEquals(Optional.of("Jane Doe"), piped.senderName());
        assertEquals(Optional.of("Head of Talent"), piped.senderTitle());
        assertEquals(Optional.of("Initech"), piped.company());
        assertEquals(FeedbackPolicy.FEEDBACK_POLICY_DECLINED, piped.feedbackPolicy());

        RejectionAnalysis firstName = analyzer.analyze("Hi Alex,\n\nThanks for coming in yesterday to meet the team. Unfortunately"
                + " we've decided to go in another direction. Best of luck with your search!\n\nSam");
        assertEquals(Optional.of("Sam"), firstName.senderName());
        assertEquals(Optional.empty(), firstName.company());
        assertEquals(InterviewStage.INTERVIEW_STAGE_INTERVIEW, firstName.stage());

        RejectionAnalysis german = analyzer.analyze("Guten Tag Herr Yilmaz,\n\nvielen Dank für Ihre Bewerbung als Projektleiter bei"
                + " der Müller GmbH. Leider können wir Sie nicht berücksichtigen.\n\nIhr Recruiting-Team der Müller GmbH");
        assertEquals(Optional.of("Müller GmbH"), german.company());
        assertEquals(Optional.of("Projektleiter"), german.role());
    }

    @Test
    void readsRequisitionNumbersDashedGreetingsAndOffersOfACall() {
        RejectionAnalysis amazon = analyzer.analyze("Hi Jamie,\n\nThank you for your interest in Amazon. We've decided to move forward"
                + " with other candidates for the Software Development Engineer II (ID: 1234567) role.\n\nWe encourage you to apply"
                + " to other roles at Amazon.\n\nSincerely,\nAmazon Recruiting");
        assertEquals(Optional.of("Software Development Engineer II"), amazon.role());
        assertEquals(Optional.of("Amazon"), amazon.company());
        assertTrue(amazon.keepOnFile());

        RejectionAnalysis onsite = analyzer.analyze("Hey Chris —\n\nWe've decided not to proceed with your candidacy for the Product"
                + " Designer position following your recent onsite.\n\nHappy to hop on a call to share feedback if helpful.\n\nCheers,\nLiz");
        assertEquals(Optional.of("Chris"), onsite.candidateName());
        assertEquals(Optional.of("Liz"), onsite.senderName());
        assertEquals(FeedbackPolicy.FEEDBACK_POLICY_OFFERED, onsite.feedbackPolicy());
        assertEquals(InterviewStage.INTERVIEW_STAGE_FINAL_ROUND, onsite.stage());
    }

    @Test
    void tellsNothingFromAnEmptyOrOneWordEmail() {
        RejectionAnalysis oneWord = analyzer.analyze("Decline.");
        assertTrue(oneWord.automated());
        assertEquals(Optional.empty(), oneWord.language());
        assertEquals(InterviewStage.INTERVIEW_STAGE_UNSPECIFIED, analyzer.analyze("  ").stage());
    }
}
