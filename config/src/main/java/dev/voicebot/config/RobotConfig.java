package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotNull;

/**
 * The whole effective configuration: defaults shipped in the jar, overridden by {@code --config FILE},
 * overridden by {@code ROBOT_...} environment variables. Immutable; built by {@link ConfigLoader}.
 */
public record RobotConfig(
        RobotIdentity robot,
        MqttConfig mqtt,
        SimConfig sim,
        MotionConfig motion,
        SpeechConfig speech,
        BrainConfig brain,
        SafetyConfig safety,
        StyleConfig style,
        WebConfig web,
        OpsConfig ops,
        HttpConfig http,
        ModelsConfig models,
        DataConfig data,
        AuditConfig audit,
        PrivacyConfig privacy,
        TtsConfig tts) {

    public RobotConfig {
        ensureNotNull(robot, "robot");
        ensureNotNull(mqtt, "mqtt");
        ensureNotNull(sim, "sim");
        ensureNotNull(motion, "motion");
        ensureNotNull(speech, "speech");
        ensureNotNull(brain, "brain");
        ensureNotNull(safety, "safety");
        ensureNotNull(style, "style");
        ensureNotNull(ops, "ops");
        ensureNotNull(http, "http");
        ensureNotNull(web, "web");
        ensureNotNull(models, "models");
        ensureNotNull(data, "data");
        ensureNotNull(audit, "audit");
        ensureNotNull(privacy, "privacy");
        ensureNotNull(tts, "tts");
    }
}
