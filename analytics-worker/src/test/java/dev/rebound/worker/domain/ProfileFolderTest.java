package dev.rebound.worker.domain;

import static dev.rebound.worker.Events.assessment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.rebound.proto.internal.v1.UserProfileState;
import dev.rebound.proto.v1.Competency;
import dev.rebound.proto.v1.Grade;

class ProfileFolderTest {

    @Test
    void countsARetriedWriteOnce() {
        ProfileFolder folder = new ProfileFolder(10);
        UserProfileState once = folder.fold(null, assessment("t", "u", "same-id", 0, Competency.COMPETENCY_MOTIVATION, Grade.GRADE_GAP)).orElseThrow();
        assertTrue(folder.fold(once, assessment("t", "u", "same-id", 0, Competency.COMPETENCY_MOTIVATION, Grade.GRADE_GAP)).isEmpty());
        assertEquals(1, once.getAssessmentsCount());
    }

    @Test
    void keepsAtMostTheHistoryLimitDroppingTheOldest() {
        ProfileFolder folder = new ProfileFolder(3);
        UserProfileState profile = null;
        for (int i = 0; i < 5; i++) {
            profile = folder.fold(profile, assessment("t", "u", "id-" + i, i, Competency.COMPETENCY_MOTIVATION, Grade.GRADE_GAP)).orElseThrow();
        }
        assertEquals(3, profile.getAssessmentsCount());
        assertEquals("id-2", profile.getAssessments(0).getEventId());
    }
}
