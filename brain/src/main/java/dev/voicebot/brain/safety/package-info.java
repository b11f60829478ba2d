/**
 * The safety filter outside the LLM: it works when the model misbehaves or is absent.
 *
 * <p>Entry points: {@link dev.voicebot.brain.safety.SafetyFilter#checkInput(String, String)} before the
 * LLM sees what a person said; {@link dev.voicebot.brain.safety.OutputGuard} (or
 * {@link dev.voicebot.brain.safety.SafetyFilter#checkOutputSentence(String, String)}) for every sentence
 * of a streamed reply before it is spoken; {@link dev.voicebot.brain.safety.SafetyCheckTool} for
 * {@code robot safety check}; {@link dev.voicebot.brain.safety.SafetyEvents} for the events topic.
 * Decisions are a sealed {@link dev.voicebot.brain.safety.Verdict}: allow, rewrite (softer words, robot
 * output only) or block (a calm, firm or supportive reply in the user's language).
 *
 * <p>How it decides: {@link dev.voicebot.brain.safety.TextNormalizer} undoes disguises (NFKC, look-alike
 * letters, leetspeak, masks, spacing, stretched letters, Korean jamo abbreviations); every
 * {@link dev.voicebot.brain.safety.LanguageRules} bundle then scans the text, so mixed-language abuse is
 * caught; each match is weighed in context (quoted or reported, argued against, mentioned as a word,
 * negated, a harmless idiom, and for insults who is addressed: the robot or listener, the speaker, a third
 * person, a thing). An optional {@link dev.voicebot.brain.safety.SafetyClassifier} (for example
 * {@link dev.voicebot.brain.safety.PromptJudgeClassifier} on the local LLM) adds scores the rules miss.
 *
 * <p>Adding a language: write {@code dev/voicebot/brain/safety/LANG.rules} in the format described on
 * {@link dev.voicebot.brain.safety.LexiconRules} (lists, contexts, rules, replies) and pass
 * {@code LexiconRules.load("LANG")} to the filter. Measure it: add labelled lines under
 * {@code src/test/resources/safety/eval/} written apart from the rules (see the README there).
 */
package dev.voicebot.brain.safety;
