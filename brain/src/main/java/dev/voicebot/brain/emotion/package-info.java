/**
 * Emotion per utterance: {@link dev.voicebot.brain.emotion.EmotionEstimator} reads word cues (English and
 * Korean lexicons) and combines them with a {@link dev.voicebot.brain.emotion.ProsodySummary} from the
 * speech front end. The result adapts the reply style through
 * {@code ReplyStyle.adaptTo(EmotionEstimate)}.
 */
package dev.voicebot.brain.emotion;
