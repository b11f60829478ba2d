package dev.voicebot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.config.ConfigException;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.SimConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sim: section: its world and faults load from YAML, and a bad value is named with its key. */
class SimConfigTest {
    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> SimConfigs.with(yaml)).getMessage();
    }

    @Test
    void worldAndFaultsLoadFromYaml() {
        SimConfig c = SimConfigs.with("""
                sim:
                  obstacles:
                    - {shape: circle, name: pillar, x: 2, y: 1, radius: 0.3}
                    - {shape: rect, name: table, x: -1, y: 2, width: 1.2, height: 0.8}
                  geofence: [[-5, -5], [5, -5], [5, 5], [-5, 5]]
                  faults: {latency: 200ms, dropRate: 0.1, stuckJoint: rightElbow, disconnectAfter: 5s, reconnectAfter: 3s}
                """);
        assertInstanceOf(SimConfig.Circle.class, c.obstacles().get(0));
        assertEquals(new SimConfig.Rect("table", -1, 2, 1.2, 0.8), c.obstacles().get(1));
        assertEquals(4, c.fence().size());
        assertEquals(Duration.ofMillis(200), c.faults().latency());
        assertEquals("rightElbow", c.faults().stuckJoint());
        assertEquals(Duration.ofSeconds(3), c.faults().reconnectAfter());
        assertTrue(SimConfig.fenceClearance(c.fence(), 0, 0) > 4.9);
        assertTrue(SimConfig.fenceClearance(c.fence(), 6, 0) < 0);
        assertEquals(List.of(), SimConfigs.defaults().obstacles(), "no obstacles unless configured");
        assertTrue(new ConfigLoader().print(new ConfigLoader().load(java.util.Optional.empty(), java.util.Map.of("ROBOT_SIM_FAULTS_LATENCY", "1s")))
                .contains("latency: 1s"));
    }

    @Test
    void badValuesAreNamedWithTheirKey() {
        String m = error("sim: {start: {x: 2, y: 1}, obstacles: [{shape: circle, name: pillar, x: 2, y: 1, radius: 0.3}]}");
        assertTrue(m.contains("sim.start") && m.contains("pillar"), m);
        m = error("sim: {geofence: [[0, 0], [1, 1]]}");
        assertTrue(m.contains("sim.geofence") && m.contains("at least 3"), m);
        m = error("sim: {geofence: [[1, 1], [2, 1], [2, 2]]}");
        assertTrue(m.contains("sim.start") && m.contains("geofence"), m);
        m = error("sim: {faults: {stuckJoint: tail}}");
        assertTrue(m.contains("sim.faults.stuckJoint") && m.contains("rightElbow"), m);
        m = error("sim: {faults: {dropRate: 1.5}}");
        assertTrue(m.contains("sim.faults.dropRate"), m);
        m = error("sim: {obstacles: [{shape: circle, name: a, x: 3, y: 0, radius: 0.2}, {shape: circle, name: a, x: 4, y: 0, radius: 0.2}]}");
        assertTrue(m.contains("name") && m.contains("\"a\""), m);
        m = error("sim: {obstacles: [{shape: rect, name: box, x: 3, y: 0, radius: 0.2}]}");
        assertTrue(m.contains("sim.obstacles[0]") && (m.contains("radius") || m.contains("width")), m);
        m = error("sim: {obstacles: [{shape: triangle, name: t, x: 3, y: 0}]}");
        assertTrue(m.contains("sim.obstacles"), m);
        m = error("sim: {timeScale: 100}");
        assertTrue(m.contains("sim.timeScale") && m.contains("100"), m);
        m = error("web: {host: 0.0.0.0}");
        assertTrue(m.contains("web.host") && m.contains("0.0.0.0"), m);
    }
}
