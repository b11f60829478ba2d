package dev.voicebot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.actuators.wire.WireJson;
import org.junit.jupiter.api.Test;

/** The simulator's richer state still reads back through the strict wire mapper, and old-style states still parse. */
class StateOnTheWireTest {
    private final ObjectMapper json = WireJson.newMapper();

    @Test
    void simulatorStateRoundTrips() throws Exception {
        SimulatedRobot r = new SimulatedRobot(SimConfigs.defaults());
        r.execute("m1", new Move(1, 0.3));
        r.step(1.0);
        RobotState s = r.state();
        String text = json.writeValueAsString(s);
        RobotState back = json.readValue(text, RobotState.class);
        assertEquals(s, back, text);
        assertEquals(s.joints().keySet(), back.joints().keySet());
        assertFalse(text.contains("collision"), "absent fields are left out: " + text);
    }

    @Test
    void aStateWithoutTheOptionalFieldsParses() throws Exception {
        String old = "{\"x\":1.0,\"y\":0.0,\"headingDeg\":0.0,\"activity\":\"idle\",\"speedMps\":0.0,\"pose\":\"stand\","
                + "\"headPanDeg\":0.0,\"headTiltDeg\":0.0,\"queued\":0,\"lastCommandId\":\"a\"}";
        RobotState s = json.readValue(old, RobotState.class);
        assertEquals(1.0, s.x());
        assertNull(s.batteryPercent());
        assertNull(s.joints());
    }
}
