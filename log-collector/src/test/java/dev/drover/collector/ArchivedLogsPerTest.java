package dev.drover.collector;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the ITs that wait for the collector's announcements: {@link #archived} follows those made
 * from the start of each test.
 */
abstract class ArchivedLogsPerTest {

    ArchivedLogs archived;

    @BeforeEach
    void followAnnouncements() {
        archived = ArchivedLogs.fromNow();
    }

    @AfterEach
    void stopFollowing() throws InterruptedException {
        archived.close();
    }
}
