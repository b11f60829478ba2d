package dev.voicebot.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {
    @Test
    void aCloseThatFinishesIsWaitedFor() {
        AtomicBoolean closed = new AtomicBoolean();
        assertTrue(GracefulShutdown.closeWithin(() -> closed.set(true), Duration.ofSeconds(5)));
        assertTrue(closed.get());
    }

    @Test
    void aCloseThatHangsIsAbandonedAtTheBudgetSoTheProcessCanExit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try {
            assertFalse(GracefulShutdown.closeWithin(() -> release.await(1, TimeUnit.MINUTES), Duration.ofMillis(200)));
        } finally {
            release.countDown();
        }
    }

    @Test
    void aCloseThatThrowsStillCountsAsFinished() {
        assertTrue(GracefulShutdown.closeWithin(() -> {
            throw new IllegalStateException("broker already gone");
        }, Duration.ofSeconds(5)));
    }
}
