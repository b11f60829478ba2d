package dev.voicebot.actuators.testing;

import dev.voicebot.actuators.controller.MotorController;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.wire.RobotState;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal real motor controller for tests of the controller node: a base that drives along x at the
 * commanded speed, in time, on its own clock thread; it records what it was asked to do and every halt.
 */
public final class RecordingBase implements MotorController, AutoCloseable {
    private final List<Intent> executed = new ArrayList<>();
    private final Thread clock;
    private volatile boolean running = true;
    private double x;
    private double remaining;
    private double speed;
    private double direction;
    private int halts;
    private String lastCommandId;

    public RecordingBase() {
        clock = new Thread(this::run, "recording-base");
        clock.setDaemon(true);
        clock.start();
    }

    private void run() {
        long last = System.nanoTime();
        while (running) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            step((now - last) / 1e9);
            last = now;
        }
    }

    private synchronized void step(double dt) {
        if (remaining > 0) {
            double d = Math.min(remaining, speed * dt);
            x += d * direction;
            remaining -= d;
        }
    }

    @Override
    public synchronized void execute(String commandId, Intent intent) {
        executed.add(intent);
        lastCommandId = commandId;
        if (intent instanceof Move m) {
            remaining = Math.abs(m.distanceM());
            speed = m.speedMps();
            direction = Math.signum(m.distanceM());
        }
    }

    @Override
    public synchronized void halt() {
        remaining = 0;
        halts++;
    }

    @Override
    public synchronized RobotState state() {
        boolean moving = remaining > 0;
        return new RobotState(x, 0, 0, moving ? RobotState.Activity.MOVING : RobotState.Activity.IDLE, moving ? speed * direction : 0,
                "stand", null, 0, 0, moving ? 1 : 0, lastCommandId);
    }

    public synchronized List<Intent> executed() {
        return List.copyOf(executed);
    }

    public synchronized int halts() {
        return halts;
    }

    public synchronized boolean moving() {
        return remaining > 0;
    }

    public synchronized double x() {
        return x;
    }

    @Override
    public void close() {
        running = false;
        clock.interrupt();
    }
}
