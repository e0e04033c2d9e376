package dev.rebound.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class SendWindowPlannerTest {

    final SendWindowPlanner planner = new SendWindowPlanner(Duration.ofHours(24), Duration.ofHours(48));

    @Test
    void opensAfterTheCoolDownInWorkingHours() {
        // Tuesday 10:00 in Berlin → Wednesday 10:00, still timely until Thursday 10:00
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant received = ZonedDateTime.of(2026, 11, 17, 10, 0, 0, 0, berlin).toInstant();
        SendWindowPlanner.Window window = planner.plan(received, berlin);
        assertEquals(ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, berlin), window.earliest());
        assertEquals(ZonedDateTime.of(2026, 11, 19, 10, 0, 0, 0, berlin), window.latest());
    }

    @Test
    void movesAnEveningOpeningToTheNextMorning() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Instant received = ZonedDateTime.of(2026, 11, 17, 20, 30, 0, 0, tokyo).toInstant();
        assertEquals(ZonedDateTime.of(2026, 11, 19, 9, 0, 0, 0, tokyo), planner.plan(received, tokyo).earliest());
    }

    @Test
    void skipsTheWeekendAndKeepsAWorkingDayToSendIn() {
        // Friday 15:00 UTC → the cool-down ends on Saturday → Monday 09:00; 48 h would end on Sunday
        Instant received = Instant.parse("2026-11-20T15:00:00Z");
        SendWindowPlanner.Window window = planner.plan(received, ZoneOffset.UTC);
        assertEquals(Instant.parse("2026-11-23T09:00:00Z"), window.earliest().toInstant());
        assertEquals(Instant.parse("2026-11-23T17:00:00Z"), window.latest().toInstant());
    }

    @Test
    void saysWhereNowFallsInTheWindow() {
        SendWindowPlanner.Window window = planner.plan(Instant.parse("2026-11-17T10:00:00Z"), ZoneOffset.UTC);
        assertEquals(SendWindowPlanner.Timing.COOLING_DOWN, window.timingAt(Instant.parse("2026-11-17T12:00:00Z")));
        assertEquals(SendWindowPlanner.Timing.OPEN, window.timingAt(Instant.parse("2026-11-18T12:00:00Z")));
        assertEquals(SendWindowPlanner.Timing.LATE, window.timingAt(Instant.parse("2026-11-25T12:00:00Z")));
    }

    @Test
    void refusesACoolDownUnderTwoHours() {
        assertThrows(IllegalArgumentException.class, () -> new SendWindowPlanner(Duration.ofMinutes(90), Duration.ofHours(48)));
        assertThrows(IllegalArgumentException.class, () -> new SendWindowPlanner(Duration.ofHours(24), Duration.ofHours(24)));
    }
}
