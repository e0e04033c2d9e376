package dev.rebound.reply.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a reply should go out: never in the heat of the moment (a cool-down, default 24 h, at least
 * 2 h) and while it is still timely (default 48 h after the rejection). In the candidate's time
 * zone the window opens in working hours (09:00–17:00, Monday to Friday).
 */
public final class SendWindowPlanner {

    public static final Duration MINIMUM_COOL_DOWN = Duration.ofHours(2);
    private static final LocalTime WORK_STARTS = LocalTime.of(9, 0);
    private static final LocalTime WORK_ENDS = LocalTime.of(17, 0);

    private final Duration coolDown;
    private final Duration timelyWithin;

    public SendWindowPlanner(Duration coolDown, Duration timelyWithin) {
        if (coolDown.compareTo(MINIMUM_COOL_DOWN) < 0) {
            throw new IllegalArgumentException("the cool-down must be at least " + MINIMUM_COOL_DOWN.toHours() + " h, not " + coolDown);
        }
        if (timelyWithin.compareTo(coolDown) <= 0) {
            throw new IllegalArgumentException("the timely window (" + timelyWithin + ") must end after the cool-down (" + coolDown + ")");
        }
        this.coolDown = coolDown;
        this.timelyWithin = timelyWithin;
    }

    /** When the cool-down after a rejection received at {@code receivedAt} ends. */
    public Instant coolDownEnds(Instant receivedAt) {
        return receivedAt.plus(coolDown);
    }

    /** The window's bounds; the advice sentence is the composer's, in the reply's language. */
    public Window plan(Instant receivedAt, ZoneId zone) {
        ZonedDateTime earliest = nextWorkingMoment(receivedAt.plus(coolDown).atZone(zone));
        ZonedDateTime latest = receivedAt.plus(timelyWithin).atZone(zone);
        if (!latest.isAfter(earliest)) {
            // a weekend can swallow the timely window: keep at least the working day it opens on
            latest = earliest.with(WORK_ENDS);
        }
        return new Window(earliest, latest);
    }

    /** The planned window, in the candidate's zone. */
    public record Window(ZonedDateTime earliest, ZonedDateTime latest) {

        public Timing timingAt(Instant now) {
            if (now.isBefore(earliest.toInstant())) {
                return Timing.COOLING_DOWN;
            }
            return now.isAfter(latest.toInstant()) ? Timing.LATE : Timing.OPEN;
        }
    }

    /** Where "now" falls relative to the window. */
    public enum Timing {
        COOLING_DOWN, OPEN, LATE
    }

    private static ZonedDateTime nextWorkingMoment(ZonedDateTime moment) {
        ZonedDateTime candidate = moment;
        if (candidate.toLocalTime().isBefore(WORK_STARTS)) {
            candidate = candidate.with(WORK_STARTS);
        } else if (!candidate.toLocalTime().isBefore(WORK_ENDS)) {
            candidate = candidate.plusDays(1).with(WORK_STARTS);
        }
        while (isWeekend(candidate.getDayOfWeek())) {
            candidate = candidate.plusDays(1).with(WORK_STARTS);
        }
        return candidate;
    }

    private static boolean isWeekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
