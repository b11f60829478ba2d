package dev.voicebot.brain.fastpath;

/** What a command clause asks for, before it is turned into an intent. */
enum Action {
    MOVE, TURN, LOOK, WAVE, NOD, SHAKE_HEAD, BOW, POINT, SIT, STAND;

    boolean isGesture() {
        return this == WAVE || this == NOD || this == SHAKE_HEAD || this == BOW || this == POINT;
    }
}
