package dev.rebound.reply.domain.analysis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.codec.DecoderException;
import org.apache.commons.codec.net.QuotedPrintableCodec;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Turns an email body as received (plain text, HTML, quoted-printable) into plain text with line breaks. */
public final class EmailText {

    private static final Pattern QUOTED_PRINTABLE = Pattern.compile("=\\r?\\n|=[0-9A-F]{2}");
    private static final Pattern HTML = Pattern.compile("(?is)<(html|body|p|div|br|table|span|a)\\b[^>]*>");
    /** Where an earlier message starts below a reply or a forward: a mail client's header line. */
    private static final Pattern THREAD_MARKER = Pattern.compile(
            "(?m)^(?:On .{5,200} wrote:|-{2,} ?(?:Original Message|Forwarded message|Ursprüngliche Nachricht|Weitergeleitete Nachricht"
                    + "|Message d'origine|Message transféré) ?-{2,}|Begin forwarded message:"
                    + "|Am .{5,120} schrieb .{1,120}:|Le .{5,120} a écrit ?:)\\s*$", Pattern.CASE_INSENSITIVE);
    /**
     * Outlook's header of the message replied to ("From: … / Sent: …"). Only below a reply: at the
     * top of a pasted rejection email the same lines are its own header, which the analysis reads.
     */
    private static final Pattern REPLIED_TO_HEADER = Pattern.compile(
            "(?m)^(?:From|Von|De) ?: .{1,200}\\R(?:Sent|Date|Gesendet|Datum|Envoyé) ?: ", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED_LINE = Pattern.compile("^[ \\t]*>");
    private static final Pattern FOOTER = Pattern.compile(
            "(?mi)^(?:confidential|this (?:e-?mail|message)(?: and any| is intended| may contain| contains)|disclaimer|to unsubscribe|unsubscribe"
                    + "|privacy (?:policy|notice)|please consider the environment|sent from my (?:iphone|android|mobile))");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[\\**([^\\]*]+)\\**]\\(([^)]+)\\)");

    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
    private static final Pattern LINE_EDGE_SPACE = Pattern.compile("(?m)^ | $");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private EmailText() {
    }

    public static String clean(String raw) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        if (looksQuotedPrintable(text)) {
            text = decodeQuotedPrintable(text);
        }
        if (HTML.matcher(text).find()) {
            text = htmlToText(text);
        }
        text = MARKDOWN_LINK.matcher(text).replaceAll("$1 ($2)");
        text = withoutThreadAndFooter(text);
        text = BLANKS.matcher(text.replace('\u00a0', ' ')).replaceAll(" ");
        text = LINE_EDGE_SPACE.matcher(text).replaceAll("");
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    /**
     * The message itself: quoted lines, an earlier message below "On … wrote:" and a legal footer
     * dropped. A forwarded rejection (nothing above the marker) keeps what follows it.
     */
    private static String withoutThreadAndFooter(String text) {
        String unquoted = text.lines().filter(line -> !QUOTED_LINE.matcher(line).find()).collect(Collectors.joining("\n"));
        Matcher marker = THREAD_MARKER.matcher(unquoted);
        if (marker.find()) {
            String before = unquoted.substring(0, marker.start());
            unquoted = before.strip().split("\\s+").length >= 5 ? before : unquoted.substring(marker.end());
        }
        Matcher footer = FOOTER.matcher(unquoted);
        if (footer.find() && footer.start() > unquoted.length() / 3) {
            unquoted = unquoted.substring(0, footer.start());
        }
        return unquoted;
    }

    /**
     * Where the writer's own text ends in a reply: before an earlier message quoted below it (a
     * client's "On … wrote:" line, an Outlook header, or a closing block of "&gt;" lines). The whole
     * text when no such quote follows at least one word of the writer's own.
     */
    public static int ownTextEnd(String text) {
        int end = text.length();
        for (Pattern header : List.of(THREAD_MARKER, REPLIED_TO_HEADER)) {
            Matcher marker = header.matcher(text);
            if (marker.find()) {
                end = Math.min(end, marker.start());
            }
        }
        // the closing block of quoted (and blank) lines, read line by line upwards
        int quoteStart = end;
        for (int lineEnd = end; lineEnd > 0; ) {
            int lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
            String line = text.substring(lineStart, lineEnd);
            if (QUOTED_LINE.matcher(line).find()) {
                quoteStart = lineStart;
            } else if (!line.isBlank()) {
                break;
            }
            lineEnd = lineStart - 1;
        }
        return text.substring(0, quoteStart).isBlank() ? text.length() : quoteStart;
    }

    /** Soft line breaks or several =XX escapes: a quoted-printable body that was not decoded. */
    private static boolean looksQuotedPrintable(String text) {
        if (text.chars().anyMatch(c -> c > 127)) {
            return false; // quoted-printable is ASCII by construction
        }
        return QUOTED_PRINTABLE.matcher(text).results().limit(3).count() >= 3
                || text.contains("=\n") || text.contains("=3D") || text.contains("=20\n");
    }

    private static String decodeQuotedPrintable(String text) {
        String joined = text.replaceAll("=\\n", "");
        try {
            return new String(QuotedPrintableCodec.decodeQuotedPrintable(joined.getBytes(StandardCharsets.US_ASCII)),
                    StandardCharsets.UTF_8);
        } catch (DecoderException e) {
            return joined; // not quoted-printable after all: keep the text as it was
        }
    }

    private static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.select("style, script, head").remove();
        document.select("br").after("\\n");
        document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote").before("\\n").after("\\n");
        String text = document.text().replace("\\n", "\n");
        return text.replaceAll(" *\\n *", "\n");
    }
}
