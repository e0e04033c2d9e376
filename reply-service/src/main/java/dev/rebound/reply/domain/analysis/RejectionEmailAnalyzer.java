package dev.rebound.reply.domain.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.rebound.proto.v1.FeedbackPolicy;
import dev.rebound.proto.v1.InterviewStage;
import dev.rebound.proto.v1.RejectionReason;
import dev.rebound.reply.domain.Words;

/**
 * Reads a rejection email the way a recruiter would: how far the candidate got, whether a person
 * or a system sent it, what it says about feedback and future roles, why, and who is who. Rules
 * over the cleaned text, written for English with the common German and French formulas.
 */
public final class RejectionEmailAnalyzer {

    // ASCII case folding: Unicode folding made matching several times slower for no gain on these cues
    private static final int CI = Pattern.CASE_INSENSITIVE;

    /**
     * A case-insensitive cue searched for anywhere in the text; every cue starts at the start of a
     * word. Scanned rather than found: a cue of many alternatives tries only those that can start at
     * each word (the email analysis took 250 µs a call with find(), most of it trying alternatives).
     */
    private static PatternScan cue(String regex) {
        return new PatternScan(List.of(Pattern.compile("\\b(?:" + regex + ")", CI)));
    }

    /**
     * A pattern whose matches start with a letter at the start of a word, and with one of the
     * letters its alternatives start with: saying so up front lets the matcher skip every other
     * position after one test instead of trying each alternative in turn.
     */
    private static Pattern atWordStart(String regex, int flags) {
        String firstLetter = MatchStart.of(regex)
                .map(chars -> chars.stream().filter(Character::isLetter).map(String::valueOf).collect(Collectors.joining()))
                .filter(letters -> !letters.isEmpty())
                .map(letters -> "(?=[" + letters + "])")
                .orElse("(?=\\p{L})");
        return Pattern.compile(firstLetter + "\\b(?:" + regex + ")", flags);
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?…])\\s+");

    // --- stage ---
    private static final PatternScan FINAL_ROUND = cue(
            "\\bfinal[- ](round|interview|stage)s?\\b|\\bafter the final\\b|\\blast round\\b|\\bonsite\\b|\\bon-site\\b"
                    + "|\\bletzten? (runde|gesprächsrunde)|\\bdernier (entretien|tour)");
    private static final PatternScan INTERVIEW = cue(
            "\\b(attending|attended|for) (the |your |our )?(recent |second |technical )?interviews?\\b"
                    + "|\\binterview(ed|ing)? (with|at) (us|our|the team|(?-i:[A-Z]))"
                    + "|\\b(the|your|our) (recent |second |technical )?interviews?( process| on| at| for| with|\\b)"
                    + "|\\b(enjoyed|pleasure|nice|great|good|lovely) (meeting|to meet|to have met|having met|getting to know)\\b"
                    + "|\\b(meet|meeting|met) with (me|us|the team|our team)\\b|\\b(to meet|meeting|met) (the|our) (team|panel|hiring manager)\\b"
                    + "|\\b(coming|came) in (yesterday|today|last|on|for|to)\\b|\\bvisit(ing)? (our|the) office\\b"
                    + "|\\b(candidates|people) (whom |that |who )?we (have |had )?interviewed\\b|\\bwe interviewed\\b"
                    + "|\\b(time|energy) you (put|invested|spent) (in|into) the (process|interviews?)\\b"
                    + "|\\bVorstellungsgespräch|\\bGespräch mit (uns|Ihnen)|\\bentretien\\b");
    private static final PatternScan PHONE_SCREEN = cue(
            "\\b(phone|telephone|video|zoom|teams|screening|intro(ductory)?) (call|screen|interview|chat|conversation)s?\\b"
                    + "|\\b(speak|speaking|spoke|talk|talking|chat|chatting) (with|to) (you|me|us|our team|the team|our recruit\\w*)\\b|\\b(our|the) (call|conversation)s?\\b"
                    + "|\\bTelefon(interview|gespräch)|\\bentretien téléphonique");

    /** Phrases that mention an interview the candidate did not get. */
    private static final Pattern NO_INTERVIEW = atWordStart(
            "\\b(unable|not able|cannot|can't|not|won't|will not)( be able)? to (offer|invite) you (to |for )?(an? |the )?(interview|call|conversation)"
                    + "|\\bnot (been )?(shortlisted|selected|invited) (for|to) (an? |the )?(interview|next stage)|\\bhappy to interview you\\b", CI);

    // --- sender ---
    private static final PatternScan NO_REPLY = cue(
            "do[- ]not[- ]reply|no[-_ ]?reply@|\\bnoreply\\b|(mailbox|inbox|address|account) is (not|un)monitored|not monitored"
                    + "|automated (message|e-?mail|response|notification)|automatically generated|please do not (respond|answer)"
                    + "|\\bantworten Sie nicht\\b|nicht auf diese (e-?mail|nachricht) antworten|ne pas répondre");
    private static final Pattern GENERIC_GREETING = Pattern.compile(
            "^(dear|hi|hello)\\s+(applicant|candidate|job ?seeker|sir( or|/| and) madam|madam( or|/) sir|valued applicant|user)\\b", CI);

    // --- feedback ---
    private static final PatternScan FEEDBACK_DECLINED = cue(
            "\\b(unable|not able|cannot|can ?not|can't|won't|will not|do not|don't|are not in a position|regret that we cannot|not possible for us)"
                    + " (to )?(provide|offer|give|share|send)( you)?( with)?( any)?( individual| individualised| individualized| personal| personalised"
                    + "| personalized| specific| detailed| further| direct)? ?(feedback|reasons)"
                    + "|\\b(individual|personal|specific|detailed)? ?feedback (is not|isn't|cannot be|can't be|will not be|won't be) (available|possible|provided|given|offered)"
                    + "|\\bno (individual |personal |specific )?feedback\\b"
                    + "|\\bkein(e|en)? (individuelles? |persönliches? )?Feedback|\\bkeine Rückmeldung zu den Gründen|pas en mesure de (vous )?(fournir|donner|communiquer) (de |un )?(retour|commentaires)");
    private static final PatternScan FEEDBACK_OFFERED = cue(
            "\\b(if you would like|should you wish|should you want|if you'd like|if you want|if you are interested in|happy to|glad to|pleased to|feel free to|welcome to|you can|you may)"
                    + " (to )?(receive |get |have |request |ask for |discuss |provide |give |share |offer |arrange |set up )?(some |any |more |further )?(detailed )?feedback"
                    + "|\\b(happy|glad|pleased)\\b[^.]{0,40}\\b(share|give|provide|offer|walk you through)\\b[^.]{0,20}\\bfeedback"
                    + "|\\bfeedback\\b[^.]{0,30}\\bif (that would be |it would be |it's |it is )?(helpful|useful)"
                    + "|\\bfeedback (is available|on request|call|session)|\\bcontact me for feedback|\\bpiece of advice\\b"
                    + "|\\b(here is|below is|some) (our )?feedback\\b|\\bour feedback\\b|\\bthe (panel|team|interviewers?) (felt|noted|thought|found)\\b"
                    + "|\\bFeedback (geben|zukommen)|\\bretour (détaillé|sur votre entretien)");

    // --- keep on file / reapply ---
    private static final PatternScan KEEP_ON_FILE = cue(
            "\\bkeep(ing)? (your|the) (cv|resume|résumé|details|information|application|profile|contact details|name)\\b"
                    + "|\\b(on|in) (file|our (talent )?(pool|database|network|records))\\b"
                    + "|\\bcontinue to apply\\b|\\b(encourage|invite|welcome) you to (re-?apply|apply again|apply (for|to) (other|future|another))"
                    + "|\\b(re-?apply|apply again)( to us)? in the future\\b|\\b(consider|contact) you (for|about|if|when|should) (the next|future|other|another|a (suitable|similar)|any|new|something)"
                    + "|\\b(we|I)\\b[^.]{0,40}\\b(reach|get) (back )?(out|in touch)\\b|\\b(stay|keep) in touch\\b|\\bmake contact with you\\b"
                    + "|\\bcontinue (to )?(explore|exploring|look at|looking at|consider|considering|check|checking) (other |future |our )?(opportunities|roles|openings|positions|vacancies|careers)"
                    + "|\\b(encourage|invite) you to (continue|keep) (exploring|to explore|applying|to apply|checking)"
                    + "|\\bkeep you in mind\\b|\\bbear you in mind\\b|\\bfuture (openings|opportunities|vacancies|positions|roles) (that|which|where|for which)"
                    + "|\\bin Evidenz|\\bunseren? (Talent-?)?Pool|\\bvotre (candidature|CV|profil) dans notre (base|vivier)");

    // --- reason ---
    private static final Map<RejectionReason, PatternScan> REASONS = new LinkedHashMap<>();

    static {
        REASONS.put(RejectionReason.REJECTION_REASON_INTERNAL_CANDIDATE,
                cue("\\binternal (candidate|applicant|hire)|\\bfill(ed)? (it |the (role|position) )?internally\\b|\\bfrom within\\b"));
        REASONS.put(RejectionReason.REJECTION_REASON_POSITION_FILLED_OR_CLOSED, cue(
                "\\b(position|role|vacancy|job|opening)s? (has|have|was|were|is|are) (now )?(been )?(filled|closed|cancell?ed|withdrawn|put on hold|on hold|no longer)"
                        + "|\\bfill(ed)? the (position|role|vacancy|job)s?\\b|\\bno longer (hiring|recruiting|available|open)\\b"
                        + "|\\b(pause|paused|pausing|freeze|frozen|put on hold)\\b|\\bhired (someone|that person|another|a candidate)\\b|\\bdecided on someone\\b"));
        REASONS.put(RejectionReason.REJECTION_REASON_MORE_EXPERIENCED_CANDIDATE, cue(
                "\\bmore (?:[\\w-]+ ){0,3}experience\\b|\\bmore experienced\\b|\\bmore senior\\b|\\bgreater experience\\b|\\b(years|level) of experience\\b"));
        REASONS.put(RejectionReason.REJECTION_REASON_FIT, cue(
                "\\b(closer|better|best|right|perfect|good|strong|stronger) (fit|match)\\b|\\bmore closely (match|matches|matched|align|aligns|aligned|fit|fits)\\b|\\bbetter (fits|matches|suits|aligns with)\\b|\\bnot the right (candidate|person)\\b"
                        + "|\\bfit (to|for|with) the (needs|role|position|requirements)\\b|\\b(closely )?(fit|match)(es)? the (job description|requirements)\\b"));
        REASONS.put(RejectionReason.REJECTION_REASON_OTHER, cue(
                "\\b(large|high|significant|overwhelming) (number|volume) of (applications|applicants|candidates)\\b|\\bfinancial (market|situation|reasons|constraints|climate)|\\bbudget(ary)? (constraints|cuts|reasons|restrictions)|\\beconomic (climate|conditions|uncertainty|downturn)|\\bpessimism\\b|\\btiming\\b"));
    }

    // --- names ---
    private static final Pattern GREETING = Pattern.compile(
            "^(?:dear|hi|hello|hey|good (?:morning|afternoon|evening)|sehr geehrte[rs]?|liebe[rs]?|hallo|guten tag|bonjour|cher|chère)\\b[ ,]*(.*?)[\\s,:;!.—–-]*$", CI);
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "^(applicant|candidate|job ?seeker|sir|madam|sir or madam|hiring|team|all|there|friend|user|valued|damen und herren|madame|monsieur|madame, monsieur)\\b.*|.*\\[.*", CI);
    private static final Pattern HONORIFIC = Pattern.compile("^(mr|mrs|ms|miss|mx|dr|prof|frau|herr|madame|monsieur)\\.?\\s+", CI);
    private static final Pattern CLOSING = Pattern.compile(
            "^(?:(?:best|kind|kindest|warm|warmest|with best|many|all the)\\s+)?(?:regards|wishes|best|thanks)(?: to you)?[,.!]?$"
                    + "|^(?:yours\\s+)?(?:sincerely|faithfully|truly|respectfully|cordially)(?:\\s+yours)?[,.!]?$|^best(?:\\s+to you)?[,.!]?$"
                    + "|^(?:thank you|thanks|cheers|take care|all the best|best of luck|good luck|warmly|warm wishes|sincerely yours)(?: again| so much)?[,.!]?$"
                    + "|^(?:mit )?(?:freundlichen|besten|herzlichen|viele|beste|liebe) grüßen?[,.!]?$|^(?:bien )?cordialement[,.!]?$|^(?:sincères |meilleures )?salutations[,.!]?$", CI);
    private static final Pattern TEAM_LINE = Pattern.compile(
            "^(?:the\\s+)?(.*?)\\s*(?:(?:hiring|recruitment|recruiting|talent( acquisition)?|hr|human resources|people|careers?|personnel)?\\s*(?:team|department|dept\\.?)|talent acquisition|recruiting|recruitment|human resources|careers)\\.?$", CI);
    private static final Pattern GERMAN_TEAM_LINE = Pattern.compile("^(?:ihr|ihre|das|euer)\\s+[\\p{L}-]*team\\s+(?:der|des|von|bei)\\s+(.+)$", CI);
    private static final Pattern TITLE_WORD = Pattern.compile(
            "\\b(manager|recruiter|administrator|director|head|lead|partner|officer|specialist|coordinator|advisor|adviser|consultant|engineer|president|ceo|cto|coo|founder|co-founder"
                    + "|owner|associate|generalist|sourcer|executive|vp|chief|assistant|analyst|supervisor|principal|talent|acquisition|hr|people|recruiting|recruitment"
                    + "|leiter(in)?|referent(in)?|personal|responsable|chargée?|directeur|directrice|recruteur|recruteuse)\\b", CI);
    private static final Pattern COMPANY_SUFFIX = Pattern.compile(
            "\\b(LLC|LLP|Ltd|Limited|Inc|Corp|Corporation|Company|Co|GmbH|AG|SA|SAS|SARL|plc|PLC|Group|Foundation|Partners|Associates|Architects|Agency|Studio|Labs|Solutions|Technologies|Software|Systems|Consulting|Holdings|University|College|School|Hospital|Bank)\\b\\.?");
    private static final Pattern TITLE_AND_COMPANY = Pattern.compile("(.+?)(?:, | at | @ )(\\p{Lu}.*)");
    private static final Pattern CONTACT_LINE = Pattern.compile("@|https?://|www\\.|\\+?\\d[\\d ()-]{6,}|^tel|^phone|^mobile|^email", CI);
    // a capitalised word, with inner dots (Amazon.com) but no sentence-ending one
    private static final String CAPITALISED = "(?:[A-Z][\\p{L}0-9&'’-]*(?:\\.[\\p{L}0-9]+)*|&)";
    private static final String COMPANY_NAME = CAPITALISED + "(?:(?:,? )(?:" + CAPITALISED + "|of|and|de|du|für|und))*(?:, (?:LLC|LLP|Ltd|Inc|GmbH)\\.?)?";
    private static final Pattern COMPANY_IN_TEXT = atWordStart(
            "(?:interest in(?: joining| working (?:at|for|with))?|to join|(?:position|role|job|opening|vacancy|career|posts?|opportunit(?:y|ies)) (?:at|with)"
                    + "|interview(?:ing|ed)? (?:at|with)|application (?:to|with|at)|applying (?:to|at)|on behalf of|working (?:at|for|with)|submitting your (?:information|application|details|qualifications) to"
                    + "|apply (?:to|at)|part of|joining|here at|everyone at|team at|bei der|bei|chez)\\s+(" + COMPANY_NAME + ")", 0);
    private static final Pattern COMPANY_FROM_SUBJECT = Pattern.compile("^(" + COMPANY_NAME + ")\\s+[-–|:]\\s+");
    private static final String ROLE_WORD = "[A-Z0-9(][\\p{L}0-9/&+#'’()-]*(?:\\.[\\p{L}0-9]+)*";
    private static final String ROLE_NAME = ROLE_WORD + "(?:,? (?:" + ROLE_WORD + "|of|in|and|for|&|-|–|de|des|du|la|le|et|für|und))*";
    private static final List<Pattern> ROLE_PATTERNS = List.of(
            Pattern.compile("^(?:re|ref|reference|betreff|objet)\\s*[:.]\\s*(?:vacancy|application|position|job|your application)?\\s*(?:for|as|:)?\\s*(" + ROLE_NAME + ")", CI),
            atWordStart("(?:the )?(?:role|position|post|job|vacancy) of (?:an? )?(" + ROLE_NAME + ")", 0),
            atWordStart("(?:the|our|your|this|an?) (" + ROLE_NAME + ") (?:position|role|vacancy|post|job|opening|program|programme|placement|internship|apprenticeship|interviews?|application)\\b", 0),
            atWordStart("(?:as|for) (?:an? |the )?(" + ROLE_NAME + ") (?:at|with|in) [A-Z]", 0),
            atWordStart("als (" + ROLE_NAME + ")\\b", 0),
            atWordStart("poste d[e'’] ?(" + ROLE_NAME + ")", 0));
    // --- signature lines (read per line and per token: compiled once) ---
    private static final Pattern LEADING_DASHES = Pattern.compile("^[-–—]+\\s*");
    private static final Pattern ENDS_LIKE_A_SENTENCE = Pattern.compile(".*[.!?]$|.*\\bDepartment\\.$");
    private static final Pattern SIGNATURE_SEPARATOR = Pattern.compile("\\s+[|•·]\\s+");
    private static final Pattern TRAILING_COMMA_OR_DOT = Pattern.compile("[,.]$");
    private static final Pattern ENDS_WITH_TEAM = Pattern.compile(
            ".*\\b(team|department|dept|talent acquisition|recruiting|recruitment|human resources|careers)$", CI);
    private static final Pattern TEAM_OWNER_SUFFIX = Pattern.compile(
            "\\s*(hiring|recruitment|recruiting|talent acquisition|talent|hr|human resources|people|careers?)$", CI);
    private static final Pattern ACRONYM = Pattern.compile("[A-Z]{2,5}");
    private static final Pattern NAME_PARTICLE = Pattern.compile("van|von|de|der|da|del|di|du|le|la|bin|al", CI);
    private static final Pattern INITIAL = Pattern.compile("[A-Z]\\.");
    private static final Pattern NAME_TOKEN = Pattern.compile("\\p{Lu}[\\p{L}'’.-]*");
    private static final Pattern FIRST_NAME = Pattern.compile("\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?");
    private static final Pattern CAPITALISED_LINE = Pattern.compile("\\p{Lu}.*");
    private static final Pattern HAS_ACRONYM = Pattern.compile(".*\\b[A-Z]{2,}\\b.*");

    // --- clean-up of extracted names ---
    private static final Pattern REQUISITION = Pattern.compile("\\s*\\((?:id|req|ref|reference|job|requisition)\\b[^)]*\\)", CI);
    private static final Pattern REQUISITION_TAIL = Pattern.compile("\\s*\\((?:ref|reference|req|requisition|job|id)\\b.*$", CI);
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:]+$");
    private static final Pattern AT_COMPANY_TAIL = Pattern.compile("\\s+(?:at|with) [A-Z].*$");
    private static final Pattern CONNECTOR_TAIL = Pattern.compile("(?:,?\\s+(?:and|of|&|und|de|du|für))+$");
    private static final Pattern ENDS_WITH_LEGAL_FORM = Pattern.compile("\\b(?:Inc|Ltd|Co|Corp)\\.$");
    private static final Pattern POSSESSIVE = Pattern.compile("'s$");
    private static final Pattern ROLE_NAME_ONLY = Pattern.compile(ROLE_NAME);
    private static final Pattern NOT_A_ROLE = Pattern.compile("^(the|this|that|current|above|same|open|new|other|any|a|an|our|your|our open|[A-Z]{1,2})$|^(Thank|Unfortunately|We|I|After|Due|However)\\b");
    private static final Pattern HEADER = Pattern.compile("^(subject|from|to|date|cc|sent|betreff|von|an|objet|de)\\s*:\\s*(.*)$", CI);
    private static final Pattern SUBJECT_NOISE = Pattern.compile(
            "^(?:re|fw|fwd|aw|wg)\\s*:\\s*|^(?:an )?update on (?:your|the)\\s+|^your application (?:for|to)\\s+(?:the )?|\\s+(?:interview|application|role|position|candidacy)(?: result| update| status)?(?: at .*)?$", CI);
    private static final Pattern FROM_ADDRESS = Pattern.compile("^\"?([^\"<@]*?)\"?\\s*<([^>]+)>$|^([^\\s@]+@[^\\s@]+)$");

    private final LanguageIdentifier languages;

    public RejectionEmailAnalyzer(LanguageIdentifier languages) {
        this.languages = languages;
    }

    public RejectionAnalysis analyze(String rawEmail) {
        String cleaned = EmailText.clean(rawEmail);
        Email email = Email.split(cleaned);
        String body = email.body();
        String flat = flatBody(email);
        List<String> lines = email.bodyLines();
        Signature signature = Signature.read(lines);
        Optional<String> greeting = greetingName(lines);

        boolean automated = NO_REPLY.foundIn(cleaned)
                || email.fromAddress().map(NO_REPLY::foundIn).orElse(false)
                || lines.stream().findFirst().map(first -> GENERIC_GREETING.matcher(first).find()).orElse(false)
                || Words.count(flat) < 6;
        Optional<String> companyInText = firstMatch(COMPANY_IN_TEXT, body.replace('’', '\'')).map(RejectionEmailAnalyzer::trimCompany);
        Optional<String> company = signature.company()
                .map(signed -> companyInText.filter(full -> full.startsWith(signed + " ")).orElse(signed))
                .or(() -> companyInText)
                .or(() -> email.subject().flatMap(subject -> firstMatch(COMPANY_FROM_SUBJECT, subject)))
                .or(() -> email.subject().flatMap(subject -> firstMatch(COMPANY_IN_TEXT, subject)).map(RejectionEmailAnalyzer::trimCompany));
        Optional<String> reasonSentence = Optional.empty();
        RejectionReason reason = RejectionReason.REJECTION_REASON_UNSPECIFIED;
        List<String> sentences = List.of(SENTENCE_BREAK.split(WHITESPACE.matcher(body).replaceAll(" ")));
        for (Map.Entry<RejectionReason, PatternScan> candidate : REASONS.entrySet()) {
            Optional<String> sentence = sentenceMatching(candidate.getValue(), flat, sentences);
            if (sentence.isPresent()) {
                reason = candidate.getKey();
                reasonSentence = sentence;
                break;
            }
        }
        return new RejectionAnalysis(
                stage(flat, email.subject().orElse("")),
                automated,
                policyIn(flat),
                KEEP_ON_FILE.foundIn(flat),
                reason,
                reasonSentence,
                company,
                signature.name().or(email::fromName),
                signature.title(),
                greeting,
                role(lines, body, email.subject(), company),
                languages.identify(body));
    }

    private static InterviewStage stage(String text, String subject) {
        String all = NO_INTERVIEW.matcher(subject + " " + text).replaceAll(" ");
        if (FINAL_ROUND.foundIn(all)) {
            return InterviewStage.INTERVIEW_STAGE_FINAL_ROUND;
        }
        if (INTERVIEW.foundIn(all)) {
            return InterviewStage.INTERVIEW_STAGE_INTERVIEW;
        }
        if (PHONE_SCREEN.foundIn(all)) {
            return InterviewStage.INTERVIEW_STAGE_PHONE_SCREEN;
        }
        // nothing says the candidate met anyone: a rejection of the application
        return text.isBlank() ? InterviewStage.INTERVIEW_STAGE_UNSPECIFIED : InterviewStage.INTERVIEW_STAGE_APPLICATION;
    }

    /** What the email says about feedback: the part of {@link #analyze} a draft review needs, without the rest. */
    public FeedbackPolicy feedbackPolicy(String rawEmail) {
        return policyIn(flatBody(Email.split(EmailText.clean(rawEmail))));
    }

    /** The body on one line, with typographic apostrophes straightened, as the cues are written. */
    private static String flatBody(Email email) {
        return WHITESPACE.matcher(email.body().replace('’', '\'')).replaceAll(" ");
    }

    private static FeedbackPolicy policyIn(String text) {
        if (FEEDBACK_DECLINED.foundIn(text)) {
            return FeedbackPolicy.FEEDBACK_POLICY_DECLINED;
        }
        return FEEDBACK_OFFERED.foundIn(text) ? FeedbackPolicy.FEEDBACK_POLICY_OFFERED : FeedbackPolicy.FEEDBACK_POLICY_SILENT;
    }

    private static Optional<String> greetingName(List<String> lines) {
        return lines.stream().limit(4)
                .map(GREETING::matcher)
                .filter(Matcher::matches)
                .findFirst()
                .map(m -> m.group(1).strip())
                .filter(name -> !name.isEmpty() && !NOT_A_NAME.matcher(name).matches() && Words.count(name) <= 5);
    }

    private static Optional<String> role(List<String> lines, String body, Optional<String> subject, Optional<String> company) {
        // "Engineer II (ID: 1234567) role": requisition numbers are not part of the role
        String straight = body.replace('’', '\'');
        String text = straight.indexOf('(') < 0 ? straight : REQUISITION.matcher(straight).replaceAll("");
        for (Pattern pattern : ROLE_PATTERNS) {
            Optional<String> role = pattern == ROLE_PATTERNS.get(0)
                    ? lines.stream().limit(6).map(pattern::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                    : pattern.matcher(text).results().map(m -> m.group(1)).map(RejectionEmailAnalyzer::trimRole)
                            .filter(r -> !NOT_A_ROLE.matcher(r).find() && !r.equals(company.orElse(""))).findFirst();
            Optional<String> trimmed = role.map(RejectionEmailAnalyzer::trimRole).filter(r -> !NOT_A_ROLE.matcher(r).find());
            if (trimmed.isPresent()) {
                return trimmed;
            }
        }
        return subject.map(s -> {
            String stripped = s;
            for (int i = 0; i < 3; i++) {
                stripped = SUBJECT_NOISE.matcher(stripped).replaceAll("");
            }
            return stripped.strip();
        }).filter(s -> !s.isEmpty() && ROLE_NAME_ONLY.matcher(s).matches() && !s.equals(company.orElse("")));
    }

    private static String trimRole(String role) {
        String trimmed = TRAILING_PUNCTUATION.matcher(REQUISITION_TAIL.matcher(role.strip()).replaceAll("")).replaceAll("");
        // "Senior Designer at Acme" and "Data Engineer Interview" keep only the role
        trimmed = AT_COMPANY_TAIL.matcher(trimmed).replaceAll("");
        return trimmed.strip();
    }

    private static String trimCompany(String company) {
        // a name never ends on a connector ("Figma and the …")
        String trimmed = CONNECTOR_TAIL.matcher(company.strip()).replaceAll("");
        if (!ENDS_WITH_LEGAL_FORM.matcher(trimmed).find()) {
            trimmed = TRAILING_PUNCTUATION.matcher(trimmed).replaceAll("");
        }
        return POSSESSIVE.matcher(trimmed).replaceAll("");
    }

    private static Optional<String> firstMatch(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
    }

    /** The first sentence the cue occurs in; most cues do not occur at all, so the whole text is asked first. */
    private static Optional<String> sentenceMatching(PatternScan cue, String flat, List<String> sentences) {
        if (!cue.foundIn(flat)) {
            return Optional.empty();
        }
        return sentences.stream().filter(cue::foundIn).map(String::strip).findFirst();
    }

    /** The email split into its header lines (Subject:, From:) and its body. */
    private record Email(Optional<String> subject, Optional<String> fromName, Optional<String> fromAddress, String body) {

        static Email split(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            Optional<String> subject = Optional.empty();
            Optional<String> fromName = Optional.empty();
            Optional<String> fromAddress = Optional.empty();
            while (!lines.isEmpty()) {
                Matcher header = HEADER.matcher(lines.get(0).strip());
                if (!header.matches()) {
                    break;
                }
                String name = header.group(1).toLowerCase(Locale.ROOT);
                String value = header.group(2).strip();
                if (name.equals("subject") || name.equals("betreff") || name.equals("objet")) {
                    subject = Optional.of(value).filter(v -> !v.isEmpty());
                } else if (name.equals("from") || name.equals("von") || name.equals("de")) {
                    Matcher from = FROM_ADDRESS.matcher(value);
                    if (from.matches()) {
                        fromName = Optional.ofNullable(from.group(1)).map(String::strip).filter(n -> !n.isEmpty() && n.contains(" "));
                        fromAddress = Optional.ofNullable(from.group(2) != null ? from.group(2) : from.group(3));
                    } else {
                        fromAddress = Optional.of(value);
                    }
                }
                lines.remove(0);
            }
            return new Email(subject, fromName, fromAddress, String.join("\n", lines).strip());
        }

        List<String> bodyLines() {
            return body.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }

    /** The sign-off block: who signed, their title, their company. */
    private record Signature(Optional<String> name, Optional<String> title, Optional<String> company) {

        static Signature read(List<String> lines) {
            int closing = -1;
            for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 8); i--) {
                if (CLOSING.matcher(lines.get(i)).matches()) {
                    closing = i;
                    break;
                }
            }
            List<String> block = new ArrayList<>();
            if (closing >= 0) {
                block.addAll(lines.subList(closing + 1, lines.size()));
            } else if (!lines.isEmpty() && lines.size() > 1) {
                // no sign-off formula: a short last line, or one of "Name | Title | Company", may still be a signature
                String last = LEADING_DASHES.matcher(lines.get(lines.size() - 1)).replaceFirst("");
                if (Words.count(last) <= 6 && !ENDS_LIKE_A_SENTENCE.matcher(last).matches() || last.contains(" | ")) {
                    block.add(last);
                } else if (TEAM_LINE.matcher(last).matches() && Words.count(last) <= 8) {
                    block.add(last);
                }
            }
            Optional<String> name = Optional.empty();
            Optional<String> title = Optional.empty();
            Optional<String> company = Optional.empty();
            List<String> parts = new ArrayList<>();
            for (String line : block) {
                // "Senior Recruiter | Acme Corp" holds a title and a company
                parts.addAll(List.of(SIGNATURE_SEPARATOR.split(line)));
            }
            // right under a sign-off, or alone on the last line, a single capitalised word is a first name
            boolean afterClosing = closing >= 0 || block.size() == 1 && Words.count(block.get(0)) == 1;
            for (String line : parts) {
                String clean = TRAILING_COMMA_OR_DOT.matcher(line).replaceAll("").strip();
                if (clean.isEmpty() || CONTACT_LINE.matcher(clean).find() || Words.count(clean) > 8) {
                    continue;
                }
                Matcher germanTeam = GERMAN_TEAM_LINE.matcher(clean);
                if (germanTeam.matches()) {
                    company = company.or(() -> Optional.of(trimCompany(germanTeam.group(1))));
                    continue;
                }
                Matcher team = TEAM_LINE.matcher(clean);
                // the cheap test first: TEAM_LINE tries every split of the line
                if (ENDS_WITH_TEAM.matcher(clean).matches() && team.matches()) {
                    String owner = TEAM_OWNER_SUFFIX.matcher(team.group(1)).replaceAll("").strip();
                    if (company.isEmpty() && !owner.isEmpty()) {
                        company = Optional.of(trimCompany(owner));
                    }
                } else if (name.isEmpty() && title.isEmpty() && company.isEmpty()
                        && (looksLikePersonName(clean) || afterClosing && looksLikeFirstName(clean))) {
                    name = Optional.of(clean);
                } else if (name.isPresent() && title.isEmpty() && TITLE_WORD.matcher(clean).find() && !COMPANY_SUFFIX.matcher(clean).find()) {
                    // "Recruiter, Northwind" and "Recruiter at Northwind" hold a title and a company
                    Matcher titleAndCompany = TITLE_AND_COMPANY.matcher(clean);
                    if (titleAndCompany.matches() && !TITLE_WORD.matcher(titleAndCompany.group(2)).find()
                            && !ACRONYM.matcher(titleAndCompany.group(2)).matches()) {
                        title = Optional.of(titleAndCompany.group(1));
                        company = company.or(() -> Optional.of(trimCompany(titleAndCompany.group(2))));
                    } else {
                        title = Optional.of(clean);
                    }
                } else if (company.isEmpty() && looksLikeCompany(clean)) {
                    company = Optional.of(trimCompany(line.strip()));
                }
            }
            return new Signature(name, title, company);
        }

        private static boolean looksLikePersonName(String line) {
            String[] tokens = WHITESPACE.split(HONORIFIC.matcher(line).replaceFirst(""));
            if (tokens.length < 2 || tokens.length > 4 || COMPANY_SUFFIX.matcher(line).find() || TITLE_WORD.matcher(line).find()) {
                return false;
            }
            for (String token : tokens) {
                // initials, particles and hyphenated or apostrophe names; an all-capitals word is an acronym
                boolean particle = NAME_PARTICLE.matcher(token).matches();
                boolean acronym = token.length() >= 2 && token.equals(token.toUpperCase(Locale.ROOT)) && !INITIAL.matcher(token).matches();
                if (!particle && (acronym || !NAME_TOKEN.matcher(token).matches())) {
                    return false;
                }
            }
            return true;
        }

        /** A lone first name right under the sign-off ("Warmly,\\nMark"). */
        private static boolean looksLikeFirstName(String line) {
            return FIRST_NAME.matcher(line).matches() && !COMPANY_SUFFIX.matcher(line).find() && !TITLE_WORD.matcher(line).find();
        }

        private static boolean looksLikeCompany(String line) {
            return CAPITALISED_LINE.matcher(line).matches() && Words.count(line) <= 6
                    && (COMPANY_SUFFIX.matcher(line).find() || HAS_ACRONYM.matcher(line).matches() || Words.count(line) <= 3);
        }
    }
}
