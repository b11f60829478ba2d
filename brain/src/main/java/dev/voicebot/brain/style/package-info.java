/**
 * How the robot words its replies: {@link dev.voicebot.brain.style.ReplyStyle} (tone, detail, Korean speech
 * level, persona name) starts from the configuration, changes by typed
 * {@link dev.voicebot.brain.style.StyleChange}s (from {@link dev.voicebot.brain.style.StyleRequestParser} for
 * spoken requests, or from MQTT), adapts per reply to the user's emotion, and renders itself as an LLM
 * system-prompt fragment.
 */
package dev.voicebot.brain.style;
