package dev.voicebot.actuators.bus;

import dev.voicebot.config.RobotIdentity;

/**
 * Every topic of one robot, under {@code robot/{robotId}/}. docs/protocol.md describes each payload.
 */
public record RobotTopics(String robotId) {
    public RobotTopics {
        new RobotIdentity(robotId); // validates: topic-safe id
    }

    private Topic t(String leaf) {
        return new Topic("robot/" + robotId + "/" + leaf);
    }

    /** Retained online/offline status of each component; the last will says offline. */
    public Topic status(String component) {
        return t("status/" + component);
    }

    public TopicFilter allStatus() {
        return new TopicFilter("robot/" + robotId + "/status/+");
    }

    /** Commands for the motor controllers: QoS 1, never retained, with a message expiry. */
    public Topic command() {
        return t("command");
    }

    /** Acknowledgements of commands (also used as the MQTT 5 response topic). */
    public Topic ack() {
        return t("ack");
    }

    /** Retained controller state at 10 Hz or more. */
    public Topic state() {
        return t("state");
    }

    /** Errors a person should see (malformed payloads, failed publishes, ...). */
    public Topic errors() {
        return t("errors");
    }

    /** What was heard or typed, with its language. */
    public Topic utterance() {
        return t("utterance");
    }

    /** The intents the brain produced for an utterance, before motion validation. */
    public Topic intents() {
        return t("intents");
    }

    /** What the robot says back, sentence by sentence. */
    public Topic reply() {
        return t("reply");
    }

    /** Emergency stop: latched until an authorised reset. */
    public Topic estop() {
        return t("estop");
    }

    /** Safety decisions (words and motion). */
    public Topic safetyEvents() {
        return t("safety/events");
    }

    /** Reports from people about a reply. */
    public Topic feedback() {
        return t("feedback");
    }

    /** The runtime's heartbeat, watched by motor controllers. */
    public Topic heartbeat() {
        return t("heartbeat");
    }

    /** Every topic of this robot. */
    public TopicFilter all() {
        return new TopicFilter("robot/" + robotId + "/#");
    }
}
