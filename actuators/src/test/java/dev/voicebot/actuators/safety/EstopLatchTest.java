package dev.voicebot.actuators.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.wire.Estop;
import dev.voicebot.config.Secret;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EstopLatchTest {
    @Test
    void onlyTheConfiguredTokenOrTheProcessItselfResets() {
        EstopLatch latch = new EstopLatch(Optional.of(Secret.of("sesame")), false);
        assertInstanceOf(EstopLatch.Change.Engaged.class, latch.onSignal(Estop.engage("button", "fall")));
        assertInstanceOf(EstopLatch.Change.Unchanged.class, latch.onSignal(Estop.engage("button", "again")));
        assertInstanceOf(EstopLatch.Change.ResetRefused.class, latch.onSignal(Estop.reset("x", null, null)));
        assertInstanceOf(EstopLatch.Change.ResetRefused.class, latch.onSignal(Estop.reset("x", null, "sesame!")));
        assertTrue(latch.engaged());
        assertInstanceOf(EstopLatch.Change.Reset.class, latch.onSignal(Estop.reset("operator", null, "sesame")));
        assertFalse(latch.engaged());
        latch.engage("cli", "test");
        assertInstanceOf(EstopLatch.Change.Reset.class, latch.resetLocally("cli"));
        assertFalse(latch.engaged());
    }

    @Test
    void withoutATokenTheRuntimeRefusesBusResetsAndAControllerFollowsThem() {
        EstopLatch runtime = new EstopLatch(Optional.empty(), false);
        runtime.engage("button", null);
        assertInstanceOf(EstopLatch.Change.ResetRefused.class, runtime.onSignal(Estop.reset("anyone", null, null)));
        assertTrue(runtime.engaged());
        EstopLatch controller = new EstopLatch(Optional.empty(), true);
        controller.engage("button", null);
        assertInstanceOf(EstopLatch.Change.Reset.class, controller.onSignal(Estop.reset("runtime", null, null)));
    }

    @Test
    void aResetWithAForgedTokenLatchesEvenWhenNotEngaged() {
        EstopLatch latch = new EstopLatch(Optional.of(Secret.of("sesame")), false);
        assertInstanceOf(EstopLatch.Change.Unchanged.class, latch.onSignal(Estop.reset("runtime", "reset by cli", null)));
        assertFalse(latch.engaged());
        assertInstanceOf(EstopLatch.Change.ResetRefused.class, latch.onSignal(Estop.reset("intruder", null, "guess")));
        assertTrue(latch.engaged());
    }
}
