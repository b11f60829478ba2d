package dev.voicebot.config;

/**
 * The emergency stop: anyone may engage it; it stays latched until an authorised reset. A reset
 * message on the bus must carry {@code resetToken} (null: no bus message can reset it, only the
 * process itself, e.g. the CLI). {@code voiceReset} lets a spoken "reset emergency stop" reset it;
 * off by default, because whoever caused the emergency may be the one talking.
 */
public record EstopConfig(Secret resetToken, boolean voiceReset) {
}
