package dev.rebound.worker.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.rebound.proto.internal.v1.CohortStats;

class CohortContributionTest {

    static CohortStats cohort(long users, Object... tenantCounts) {
        CohortStats.Builder stats = CohortStats.newBuilder().setCohort("1/3/4").setUsers(users);
        for (int i = 0; i < tenantCounts.length; i += 2) {
            stats.putUsersByTenant((String) tenantCounts[i], (Long) tenantCounts[i + 1]);
        }
        return stats.build();
    }

    @Test
    void aCohortOfOneTenantNeedsKUsers() {
        assertTrue(CohortContribution.clearsPrivacyFloor(cohort(20, "acme", 20L), 20));
        assertFalse(CohortContribution.clearsPrivacyFloor(cohort(19, "acme", 19L), 20));
    }

    @Test
    void aCohortThatMixesTenantsNeedsKUsersOutsideTheLargest() {
        assertFalse(CohortContribution.clearsPrivacyFloor(cohort(39, "acme", 20L, "globex", 19L), 20));
        assertTrue(CohortContribution.clearsPrivacyFloor(cohort(40, "acme", 20L, "globex", 12L, "initech", 8L), 20));
    }

    /** Figures kept before tenants were counted may mix tenants: they stay hidden until the log is replayed. */
    @Test
    void usersWithoutATenantCountAsTheLargestTenant() {
        assertFalse(CohortContribution.clearsPrivacyFloor(cohort(500), 20));
        assertFalse(CohortContribution.clearsPrivacyFloor(cohort(500, "acme", 1L), 20));
        assertTrue(CohortContribution.clearsPrivacyFloor(cohort(60, "acme", 20L, "globex", 20L), 20));
    }
}
